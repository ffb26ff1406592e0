import { basename } from 'node:path';
import { storeDirOf } from '../core/git';
import { type RepositoryInsightsOptions } from '../core/insights';
import { openIndexBlastRadius, readProvenanceSettings } from '../core/provenance';
import type { CliIO } from './command';
import { requireRepository } from './workspace';

/** Options shared by `insights` and `export`: which commits, and the name the rows carry. */
export const RANGE_OPTIONS = {
  since: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  repository: { type: 'string' },
} as const;

export const RANGE_USAGE = `  --since <date>       only commits made after this date (anything git log --since takes: 2026-01-01, "3 months ago")
  --base <ref>         only commits not reachable from <ref> (a branch's own commits: --base origin/main)
  --head <ref>         the last commit (default HEAD)
  --repository <name>  the repository's name in the output (default: its folder name)`;

export interface RangeValues {
  readonly since?: string;
  readonly base?: string;
  readonly head?: string;
  readonly repository?: string;
}

export interface RepositoryInput {
  readonly root: string;
  readonly options: RepositoryInsightsOptions;
  release(): void;
}

/**
 * The repository around the working directory with its configuration; with
 * `withIndex`, today's blast radius from the workspace index when the editor
 * (or `ai-provenance index`) built one.
 */
export async function openRepositoryInput(io: CliIO, values: RangeValues, withIndex: boolean): Promise<RepositoryInput> {
  const repository = await requireRepository(io);
  const settings = await readProvenanceSettings(repository.root);
  for (const problem of settings.problems) io.stderr(`ai-provenance: ${problem}\n`);
  const storeDir = storeDirOf(repository);
  const index = withIndex && settings.blastRadius !== 'off' ? await openIndexBlastRadius(repository.root, storeDir, settings.classifier) : undefined;
  return {
    root: repository.root,
    options: {
      classifier: settings.classifier,
      riskModel: settings.project.risk,
      cacheDir: storeDir,
      repository: values.repository ?? basename(repository.root),
      ...(values.since !== undefined ? { since: values.since } : {}),
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
      ...(index ? { blastRadius: index.provider } : {}),
    },
    release: () => index?.release(),
  };
}

/** At most a few problems, then how many more: a folder of bad exports must not flood the terminal. */
export function reportProblems(io: CliIO, problems: readonly string[]): void {
  for (const problem of problems.slice(0, 5)) io.stderr(`ai-provenance: ${problem}\n`);
  if (problems.length > 5) io.stderr(`ai-provenance: ... and ${problems.length - 5} more problems\n`);
}
