// The demo repository's history: four commits over three weeks, some of
// whose lines an AI wrote, with the provenance notes AI Provenance would have
// written for them (`ai-provenance record` marks the lines, `notes write`
// writes each commit's note), and a reviewer's sign-offs of two of them
// (scripts/e2e/demoSignOff.ts). Insights draws its charts from these notes.
// The final tree is the demo template exactly, so the rest of the journey
// sees the same files.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export interface AiPart {
  readonly file: string;
  /** 1-based, inclusive. */
  readonly lines: readonly [number, number];
  readonly source: string;
  readonly tool?: string;
  readonly model?: string;
  /** Marked reviewed before the commit. */
  readonly reviewed?: boolean;
}

/** A reviewer's sign-off of some files of the commit, after it was made. */
export interface DemoSignOff {
  readonly at: string;
  readonly files: readonly string[];
}

export interface DemoCommit {
  readonly message: string;
  readonly date: string;
  /** Files (or folders) added by this commit; the last commit takes everything left. */
  readonly paths: readonly string[];
  readonly ai: readonly AiPart[];
  readonly signOff?: DemoSignOff;
}

const COPILOT = { source: 'inline', tool: 'copilot', model: 'gpt-4o' } as const;
const CLAUDE = { source: 'agent-hook', tool: 'claude-code', model: 'claude-sonnet-4' } as const;

export const DEMO_HISTORY: readonly DemoCommit[] = [
  {
    message: 'Orders, pricing and e-mail confirmations',
    date: '2026-11-02T10:00:00Z',
    paths: ['.gitignore', 'README.md', 'package.json', 'tsconfig.json', 'src/orders', 'src/util', 'src/notifications', 'test'],
    ai: [{ file: 'src/orders/orders.ts', lines: [6, 11], ...COPILOT }],
  },
  {
    message: 'Sign-in and sessions',
    date: '2026-11-09T14:00:00Z',
    paths: ['src/auth'],
    ai: [
      { file: 'src/auth/session.ts', lines: [1, 22], ...CLAUDE },
      { file: 'src/auth/login.ts', lines: [1, 10], source: 'chat', tool: 'copilot-chat', model: 'gpt-4o', reviewed: true },
    ],
    // The next morning: 19 hours after the commit.
    signOff: { at: '2026-11-10T09:00:00Z', files: ['src/auth/session.ts'] },
  },
  {
    message: 'Card charges, the ledger, migrations and Terraform',
    date: '2026-11-16T09:30:00Z',
    paths: [
      'src/payments/charge.ts',
      'src/payments/gateway.ts',
      'src/payments/ledger.ts',
      'db/migrations/001_create_orders.sql',
      'db/migrations/002_create_charges.sql',
      'infra',
    ],
    ai: [
      { file: 'src/payments/charge.ts', lines: [5, 24], ...CLAUDE },
      { file: 'infra/main.tf', lines: [1, 12], source: 'agent-disk' },
    ],
    // An hour and a half after the commit.
    signOff: { at: '2026-11-16T11:00:00Z', files: ['src/payments/charge.ts'] },
  },
  {
    message: 'HTTP API, refunds and dispute auto-refunds\n\nThe refund checks (assertRefundable) are still to be written.',
    date: '2026-11-21T15:30:00Z',
    paths: ['.'],
    ai: [
      { file: 'src/payments/webhooks.ts', lines: [1, 10], ...COPILOT },
      { file: 'src/support/disputes.ts', lines: [1, 12], ...CLAUDE, reviewed: true },
    ],
  },
];

export const DEMO_AUTHOR = { name: 'Acme Developer', email: 'dev@acme.example' };
/** Signs off in the history (not the author: a policy with signOff.notAuthor counts her sign-offs). */
export const DEMO_REVIEWER = { name: 'Ann Reviewer', email: 'ann@acme.example' };

type Git = (args: string[], env?: NodeJS.ProcessEnv) => string;

/** The reviewer signs off HEAD's files at the given time; the repository's identity is left as it was. */
function signOff(path: string, git: Git, demo: DemoSignOff): void {
  const script = join(__dirname, 'demoSignOff.js');
  // What `git -c user.name=... -c user.email=...` passes on: the sign-off's own git processes see the reviewer.
  const env = { ...process.env, GIT_CONFIG_PARAMETERS: `'user.name=${DEMO_REVIEWER.name}' 'user.email=${DEMO_REVIEWER.email}'` };
  const head = git(['rev-parse', 'HEAD']).trim();
  execFileSync(process.execPath, [script, path, `${head}~1`, head, demo.at, ...demo.files], { cwd: path, env, encoding: 'utf8', stdio: 'pipe' });
}

/**
 * Commits DEMO_HISTORY in `path` (a fresh copy of the template, hooks not
 * yet installed) and writes each commit's note from the AI regions recorded
 * for it. The regions are then forgotten, as in a fresh clone that fetched
 * the notes: only the notes remember this history's AI code.
 */
export function commitDemoHistory(path: string, git: Git, cliPath: string): void {
  const cli = (args: string[]) => execFileSync(process.execPath, [cliPath, ...args], { cwd: path, encoding: 'utf8', stdio: 'pipe' });
  for (const commit of DEMO_HISTORY) {
    const env = {
      GIT_AUTHOR_NAME: DEMO_AUTHOR.name,
      GIT_AUTHOR_EMAIL: DEMO_AUTHOR.email,
      GIT_AUTHOR_DATE: commit.date,
      GIT_COMMITTER_NAME: DEMO_AUTHOR.name,
      GIT_COMMITTER_EMAIL: DEMO_AUTHOR.email,
      GIT_COMMITTER_DATE: commit.date,
    };
    for (const part of commit.ai) {
      const origin = [...(part.tool ? ['--tool', part.tool] : []), ...(part.model ? ['--model', part.model] : [])];
      cli(['record', part.file, '--lines', `${part.lines[0]}-${part.lines[1]}`, '--source', part.source, ...origin]);
      if (part.reviewed) cli(['mark-reviewed', part.file, '--lines', `${part.lines[0]}-${part.lines[1]}`, '--by', DEMO_AUTHOR.name]);
    }
    git(['add', '--all', '--', ...commit.paths]);
    git(['commit', '--quiet', '--message', commit.message], env);
    cli(['notes', 'write', 'HEAD']);
    if (commit.signOff) signOff(path, git, commit.signOff);
  }
  rmSync(join(path, '.git', 'ai-provenance', 'regions.json'), { force: true });
}
