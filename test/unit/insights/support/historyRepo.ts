import { mkdirSync } from 'node:fs';
import { commitWithProvenance, lines, ProvenanceRepo } from '../../git/support/provenanceRepo';

/** Runs `body` with git's author and committer dates set (the commit helpers inherit the environment). */
export async function at<T>(date: string, body: () => Promise<T> | T): Promise<T> {
  const saved = { author: process.env.GIT_AUTHOR_DATE, committer: process.env.GIT_COMMITTER_DATE };
  process.env.GIT_AUTHOR_DATE = date;
  process.env.GIT_COMMITTER_DATE = date;
  try {
    return await body();
  } finally {
    for (const [key, value] of [
      ['GIT_AUTHOR_DATE', saved.author],
      ['GIT_COMMITTER_DATE', saved.committer],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export interface SmallHistory {
  readonly repo: ProvenanceRepo;
  /** Oldest first. */
  readonly commits: readonly string[];
}

/**
 * Three commits over two weeks, made the way the hooks make them (trailers
 * and a note from the region store):
 *  1. 2026-01-05 (week of 01-05): src/util/format.ts, 4 lines and a blank one, by hand;
 *  2. 2026-01-14 (week of 01-12): src/payments/charge.ts, 3 AI lines (inline, copilot, gpt-4o),
 *     and 2 more lines by hand in src/util/format.ts;
 *  3. 2026-01-15: src/auth/session.ts, 4 AI lines (agent, claude-code), reviewed before the commit.
 */
export async function smallHistory(root: string): Promise<SmallHistory> {
  mkdirSync(root, { recursive: true });
  const repo = ProvenanceRepo.create(root);
  const commits: string[] = [];
  repo.write('src/util/format.ts', lines('export const a = 1;', 'export const b = 2;', '', 'export const c = 3;', 'export const d = 4;'));
  commits.push(await at('2026-01-05T10:00:00Z', () => repo.commitAll('format helpers')));
  await repo.writeAi('src/payments/charge.ts', lines('export function charge(cents: number) {', '  return cents;', '}'), {
    source: 'inline',
    tool: 'copilot',
    model: 'gpt-4o',
  });
  repo.write('src/util/format.ts', `${repo.read('src/util/format.ts')}${lines('export const e = 5;', 'export const f = 6;')}`);
  commits.push(await at('2026-01-14T09:00:00Z', () => commitWithProvenance(repo, 'charge')));
  await repo.writeAi('src/auth/session.ts', lines('export function expired(at: number) {', '  const now = Date.now();', '  return at < now;', '}'), {
    source: 'agent',
    tool: 'claude-code',
  });
  await repo.markReviewed('src/auth/session.ts', 'Ann');
  commits.push(await at('2026-01-15T16:00:00Z', () => commitWithProvenance(repo, 'session')));
  return { repo, commits };
}
