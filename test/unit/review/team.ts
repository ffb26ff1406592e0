import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliRun } from '../../support/cli';
import { GitRepo } from '../../support/gitRepo';
import { ProvenanceRepo, commitWithProvenance, lines } from '../git/support/provenanceRepo';

export const ANN = { name: 'Ann Author', email: 'ann@example.com' };
export const BOB = { name: 'Bob Reviewer', email: 'bob@example.com' };
export const CAROL = { name: 'Carol Owner', email: 'carol@example.com' };

export const REFUND = 'src/payments/refund.ts';
/** main's refund.ts: enough lines that a change at its top is outside the context of a change at its end. */
export const REFUND_BASE = lines('// Refunds', '', 'export const refunds = [];', '', 'export const MAX_REFUNDS = 3;', '');
/** The AI lines the author's branch appends: lines 7-10 of the file. */
export const REFUND_AI_LINES: [number, number] = [7, 10];
export const REFUND_AI = lines(
  'export function assertRefundable(charge, amount) {',
  '  if (amount <= 0) throw new Error("amount");',
  '  if (amount > charge.amount) throw new Error("too much");',
  '}',
);
export const FORMAT = 'src/util/format.ts';

/**
 * A team in real git: a bare remote, the author's clone (with a region
 * store: her AI code is captured) and the reviewer's clone, each with its own
 * identity. The author's branch `feature` has AI lines in a payments file.
 */
export class Team {
  readonly remote: string;
  readonly author: ProvenanceRepo;
  readonly reviewer: GitRepo;

  constructor(readonly dir: string) {
    this.remote = join(dir, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', this.remote]);
    mkdirSync(join(dir, 'ann'));
    this.author = ProvenanceRepo.create(join(dir, 'ann'));
    identity(this.author, ANN);
    this.author.git('remote', 'add', 'origin', this.remote);
    this.reviewer = new GitRepo(join(dir, 'bob'));
  }

  /** main with a README and the policy, pushed; the reviewer clones it. */
  async start(config: object = { policy: { requireSignOff: ['payments'] } }, extra: Record<string, string> = {}): Promise<void> {
    this.author.write('README.md', lines('acme'));
    this.author.write(REFUND, REFUND_BASE);
    this.author.write('.ai-provenance.json', `${JSON.stringify(config, null, 2)}\n`);
    for (const [path, text] of Object.entries(extra)) this.author.write(path, text);
    this.author.commitAll('base');
    this.author.git('push', '-q', 'origin', 'main');
    execFileSync('git', ['clone', '-q', this.remote, this.reviewer.root]);
    identity(this.reviewer, BOB);
    this.author.git('fetch', '-q', 'origin');
    this.author.git('remote', 'set-head', 'origin', 'main');
  }

  /** The author's AI-written refund checks (and an ordinary AI line) on `feature`, pushed with the notes. */
  async authorBranch(): Promise<string> {
    this.author.git('checkout', '-q', '-b', 'feature');
    this.author.write(REFUND, REFUND_BASE + REFUND_AI);
    await this.author.markAi(REFUND, ...REFUND_AI_LINES, { tool: 'copilot', model: 'gpt-4o', source: 'inline' });
    await this.author.writeAi(FORMAT, lines('export const pad = (s) => s.padStart(2);'));
    const sha = await commitWithProvenance(this.author, 'Add refund checks');
    this.author.git('push', '-q', 'origin', 'feature', 'refs/notes/ai-provenance');
    return sha;
  }

  /** The reviewer fetches the branch and every notes ref, and checks it out. */
  reviewerFetches(): void {
    this.reviewer.git('fetch', '-q', 'origin', '+refs/notes/*:refs/notes/*', '+refs/heads/*:refs/remotes/origin/*');
    const branches = this.reviewer.git('branch', '--list', 'feature').trim();
    if (branches === '') this.reviewer.git('checkout', '-q', '-b', 'feature', 'origin/feature');
    else {
      this.reviewer.git('checkout', '-q', 'feature');
      this.reviewer.git('reset', '-q', '--hard', 'origin/feature');
    }
  }

  /** The reviewer shares the sign-offs; the author fetches them. */
  shareSignOffs(): void {
    this.reviewer.git('push', '-q', 'origin', 'refs/notes/ai-provenance-signoffs');
    this.author.git('fetch', '-q', 'origin', '+refs/notes/ai-provenance-signoffs:refs/notes/ai-provenance-signoffs');
  }
}

export function identity(repo: GitRepo, who: { name: string; email: string }): void {
  repo.git('config', 'user.name', who.name);
  repo.git('config', 'user.email', who.email);
}

export function cli(repo: GitRepo, ...args: string[]): CliRun {
  return runCli(args, { cwd: repo.root });
}

export function gateJson(repo: GitRepo, base = 'origin/main'): { code: number; result: import('../../../src/core/provenance').GateResult } {
  const run = cli(repo, 'gate', '--base', base, '--json');
  if (run.code === 2 || run.stdout.trim() === '') throw new Error(`gate failed to run: ${run.stderr}`);
  return { code: run.code, result: JSON.parse(run.stdout) };
}

export function allFindings(result: import('../../../src/core/provenance').GateResult) {
  return [...result.commits.flatMap((commit) => commit.findings), ...result.findings];
}

/**
 * Changes the policy on the base branch (main, pushed), as the team would:
 * the gate reads the policy from the base, never from the work tree.
 */
export function setBasePolicy(repo: GitRepo, config: object): void {
  const branch = repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
  repo.git('checkout', '-q', 'main');
  writeFileSync(join(repo.root, '.ai-provenance.json'), `${JSON.stringify(config, null, 2)}\n`);
  repo.git('add', '.ai-provenance.json');
  repo.git('-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', 'policy');
  repo.git('push', '-q', 'origin', 'main');
  repo.git('checkout', '-q', branch);
}
