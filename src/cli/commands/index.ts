import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { findRepository, storeDirOf } from '../../core/git';
import { type IndexStats, WorkspaceIndex } from '../../core/index';
import { parse } from '../args';
import { CliError, type CliCommand, type CliIO } from '../command';

const USAGE = `Usage: ai-provenance index [--json] [--root <dir>] [--exclude <glob>]... [--max-file-bytes <n>]

Builds or refreshes the dependency index of the repository containing the
current directory (or --root). Unchanged files come from the cache in
<git-common-dir>/ai-provenance/, so a second run only re-parses what changed.`;

/** The index of the repository around `from`, with its cache where the other commands keep their data. */
export async function openIndexForCli(
  io: CliIO,
  from: string | undefined,
  options: { exclude?: readonly string[]; maxFileBytes?: number } = {},
): Promise<WorkspaceIndex> {
  const start = resolve(io.cwd, from ?? '.');
  if (!existsSync(start) || !statSync(start).isDirectory()) throw new CliError(`not a directory: ${start}`);
  const repository = await findRepository(start);
  const root = repository?.root ?? start;
  // Outside git there is no common dir: keep the cache in the user's cache folder, keyed by path.
  const cacheDir = repository
    ? storeDirOf(repository)
    : join(io.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ai-provenance', 'index', createHash('sha1').update(root).digest('hex').slice(0, 16));
  return WorkspaceIndex.open({ root, cacheDir, ...options });
}

export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'build or refresh the dependency index used for blast radius',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        json: { type: 'boolean' },
        root: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'max-file-bytes': { type: 'string' },
      },
      false,
    );
    const maxFileBytes = values['max-file-bytes'] === undefined ? undefined : positiveInteger(values['max-file-bytes']);
    const index = await openIndexForCli(io, values.root, { exclude: values.exclude ?? [], ...(maxFileBytes ? { maxFileBytes } : {}) });
    try {
      const stats = await index.build();
      for (const note of stats.notes) io.stderr(`ai-provenance: ${note}\n`);
      io.stdout(values.json ? `${JSON.stringify({ root: index.root, ...stats }, null, 2)}\n` : formatStats(index.root, stats));
      return 0;
    } finally {
      index.dispose();
    }
  },
};

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new CliError(`--max-file-bytes expects a positive integer, got "${text}"`);
  return value;
}

export function formatStats(root: string, stats: IndexStats): string {
  const skipped = Object.entries(stats.skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const languages = Object.entries(stats.languages)
    .map(([language, count]) => `${language} ${count}`)
    .join(', ');
  return [
    `Indexed ${root}`,
    `  files        ${stats.indexed} indexed of ${stats.files}${languages ? ` (${languages})` : ''}${stats.generated > 0 ? `, ${stats.generated} of them generated` : ''}`,
    `  edges        ${stats.edges} file-level, ${stats.unresolvedImports} unresolved imports, ${stats.externalPackages} external packages`,
    `  parse errors ${stats.parseErrors} with syntax errors, ${stats.failed} failed`,
    `  skipped      ${skipped || 'none'}`,
    `  cache        ${stats.cacheHits} hits, ${stats.parsed} parsed`,
    `  time         ${stats.ms.total} ms (list ${stats.ms.list}, stat ${stats.ms.stat}, parse ${stats.ms.parse}, link ${stats.ms.link}, save ${stats.ms.save})`,
    '',
  ].join('\n');
}
