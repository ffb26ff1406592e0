import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contentSkipReason, isGenerated } from './fileChecks';
import { languageOf } from './languages';
import { extractFacts } from './parserHost';
import type { FileFacts, SkipReason } from './types';

/** One file to parse. Requests and results cross the worker boundary: keep them small and plain. */
export interface ParseRequest {
  /** Repo-relative path with '/'. */
  readonly path: string;
  readonly absolutePath: string;
  /** The content hash the cache holds: if the file still hashes to it, the result is `unchanged`. */
  readonly knownHash?: string;
  /** Unsaved editor content to parse instead of the file on disk. */
  readonly text?: string;
  /** Facts without name-level detail (see WorkspaceIndexOptions.nameLevel). */
  readonly fileLevel?: boolean;
}

export type ParseResult =
  | { readonly path: string; readonly status: 'parsed'; readonly hash: string; readonly facts: FileFacts }
  | { readonly path: string; readonly status: 'unchanged'; readonly hash: string }
  | { readonly path: string; readonly status: 'skipped'; readonly hash: string; readonly reason: SkipReason }
  | { readonly path: string; readonly status: 'failed'; readonly message: string };

export function contentHash(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** Reads, checks, hashes and parses one file. Never throws: failures become results. */
export async function parseFile(request: ParseRequest): Promise<ParseResult> {
  const { path } = request;
  const language = languageOf(path);
  if (!language) return { path, status: 'failed', message: 'not a supported language' };
  let bytes: Buffer;
  try {
    // Synchronous on purpose: this runs in a worker, and async reads measured slower
    // (a thread-pool round trip per file with the worker idle meanwhile).
    bytes = request.text !== undefined ? Buffer.from(request.text) : readFileSync(request.absolutePath);
  } catch {
    return { path, status: 'skipped', hash: '', reason: 'unreadable' };
  }
  const hash = contentHash(bytes);
  if (request.knownHash === hash) return { path, status: 'unchanged', hash };
  const reason = contentSkipReason(bytes, language === 'javascript');
  if (reason) return { path, status: 'skipped', hash, reason };
  try {
    const text = request.text ?? bytes.toString('utf8');
    const facts = await extractFacts(language, text, { nameLevel: request.fileLevel !== true });
    return { path, status: 'parsed', hash, facts: isGenerated(text) ? { ...facts, generated: true } : facts };
  } catch (error) {
    return { path, status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
