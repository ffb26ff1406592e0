import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GitApi, GitExtension, GitRepository } from '../../../src/extension/commit/git';
import { EXTENSION_ID, extensionApi, openEditor, select, waitFor } from '../support/extension';

/** A fixed identity: commits made by the tests do not depend on the machine's git config. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Commit Test',
  GIT_AUTHOR_EMAIL: 'commit-test@example.com',
  GIT_COMMITTER_NAME: 'Commit Test',
  GIT_COMMITTER_EMAIL: 'commit-test@example.com',
};

/** Runs git in `cwd` as a user would from a terminal (hooks included); returns its stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...IDENTITY }, encoding: 'utf8', stdio: 'pipe' });
}

/** The body of HEAD's commit message. */
export function lastMessage(root: string): string {
  return git(root, 'log', '-1', '--format=%B').trimEnd();
}

/** The AI Provenance note of HEAD, parsed; undefined when there is none. */
export function lastNote(root: string): { schema: string; totals: { aiLines: number; addedLines: number; reviewedLines: number } } | undefined {
  try {
    return JSON.parse(git(root, 'notes', '--ref', 'ai-provenance', 'show', 'HEAD'));
  } catch {
    return undefined;
  }
}

/**
 * Writes `lines` to a file of the repository at `root` (the workspace, or a
 * temporary repository), marks lines first..last (0-based) as AI and saves.
 */
export async function writeWithAiLines(
  root: string,
  path: string,
  lines: readonly string[],
  first: number,
  last: number,
): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(join(root, ...path.split('/')));
  writeFileSync(uri.fsPath, `${lines.join('\n')}\n`);
  const editor = await openEditor(uri);
  select(editor, first, last);
  await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
  await editor.document.save();
  // The hooks read regions from the store on disk: write them now rather than after the store's delay.
  const repository = await (await extensionApi()).registry.resolve(uri);
  assert.ok(repository?.inGit, `${uri.fsPath} is not in a tracked git repository`);
  await repository.store.sync();
  return editor;
}

/** A new git repository outside the workspace with one commit; removed by the returned function. */
export function temporaryRepository(name: string): { root: string; remove(): void } {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), `ai-provenance-${name}-`)));
  const root = join(parent, name);
  mkdirSync(root);
  git(root, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(root, 'README.md'), `# ${name}\n`);
  git(root, 'add', 'README.md');
  git(root, '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'Initial commit');
  // Retried: the extension may still be writing its store there when a test ends.
  return { root, remove: () => rmSync(parent, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }) };
}

/** The built-in git extension's API (the tests need it; the extension only degrades without it). */
export async function gitApi(): Promise<GitApi> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'the built-in git extension is not available in the test editor');
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.getAPI(1);
}

/** The git extension's repository at `root`, once it has opened it. */
export async function gitRepositoryAt(root: string): Promise<GitRepository> {
  const api = await gitApi();
  return waitFor(`the git extension to open ${root}`, () => api.repositories.find((repository) => repository.rootUri.fsPath === root), 30_000);
}

/** Waits until the commit box of `repository` satisfies `check`; fails showing its last value. */
export async function boxWhere(repository: GitRepository, what: string, check: (value: string) => boolean, timeoutMs = 20_000): Promise<string> {
  try {
    // Wrapped: an empty box is a value to wait for, and waitFor treats '' as "not yet".
    const seen = await waitFor(
      `the commit box: ${what}`,
      () => (check(repository.inputBox.value) ? { value: repository.inputBox.value } : undefined),
      timeoutMs,
    );
    return seen.value;
  } catch (error) {
    throw new Error(`${(error as Error).message}; it holds ${JSON.stringify(repository.inputBox.value)}`, { cause: error });
  }
}

/** dist/cli.js of the extension under test. */
export function bundledCli(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return join(extension.extensionPath, 'dist', 'cli.js');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
