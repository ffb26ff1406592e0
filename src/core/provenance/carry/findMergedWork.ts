import { git } from '../../git/exec';
import { readNotes } from '../../git/notes';
import { resolveCommit } from '../../git/revisions';
import { NOTES_REF } from '../note/schema';
import { commitIdentities } from './commitIdentity';

/** A pull request's commits (base..head) and the commits the forge made of them on the default branch. */
export interface MergedWork {
  readonly base: string;
  readonly head: string;
  readonly targets: readonly string[];
  /** How the pull request was found: forge metadata, its number in the subject, or its content. */
  readonly foundBy: string;
}

export interface PushedRange {
  /** The default branch before and after the push (GitHub: github.event.before / github.sha). */
  readonly before: string;
  readonly after: string;
  /** Where pull request refs (refs/pull/<n>/head, refs/merge-requests/<n>/head) can be fetched from. */
  readonly remote?: string;
  /** Forge metadata, when the workflow has it (a pull_request "closed" event): the merged head, and its base. */
  readonly prHead?: string;
  readonly prBase?: string;
}

export interface CarryPlan {
  readonly work: readonly MergedWork[];
  /** New commits that already have a note (made where the hooks run): nothing to carry. */
  readonly annotated: readonly string[];
  /** New commits without a note for which no merged pull request was found. */
  readonly unmatched: readonly string[];
}

const MAX_CANDIDATES = 50;

/**
 * Which pull request each new commit of the default branch came from. In
 * order: the forge's metadata when given; `(#123)` in the subject (GitHub's
 * squash title) or "See merge request ...!123" (GitLab), in the commit's
 * message or in that of the merge commit that brought it in, with the pull
 * request's head ref; else the unmerged branches and pull request refs
 * here: a commit with the same author, author date and subject as one of
 * theirs (a rebase merge), or whose added lines are those the branch adds
 * (a squash with a title-only message).
 */
export async function findMergedWork(root: string, range: PushedRange): Promise<CarryPlan> {
  const { stdout } = await git(['rev-list', '--first-parent', '--no-merges', '--reverse', `${range.before}..${range.after}`], { cwd: root });
  const mergedBy = await commitsMergedIn(root, range);
  const pushed = [...stdout.split('\n').filter(Boolean), ...mergedBy.keys()];
  const notes = await readNotes(root, NOTES_REF, pushed);
  const annotated = pushed.filter((commit) => notes.has(commit));
  const targets = pushed.filter((commit) => !notes.has(commit));
  if (targets.length === 0) return { work: [], annotated, unmatched: [] };
  if (range.prHead) {
    const base = range.prBase ?? (await mergeBase(root, range.prHead, range.before));
    return { work: [{ base, head: range.prHead, targets, foundBy: 'forge metadata' }], annotated, unmatched: [] };
  }
  const work: Array<{ base: string; head: string; targets: string[]; foundBy: string; identities?: Set<string> }> = [];
  const unmatched: string[] = [];
  const identities = await commitIdentities(root, targets);
  let candidates: Candidate[] | undefined;
  for (const target of targets) {
    const known = work.find((item) => item.identities?.has(identities.get(target)!));
    if (known) {
      known.targets.push(target);
      continue;
    }
    const via = mergedBy.get(target);
    const number = (await pullRequestNumber(root, target)) ?? (via ? await pullRequestNumber(root, via) : undefined);
    const head = number !== undefined ? await pullRequestHead(root, number, range.remote) : undefined;
    if (head) {
      work.push({ base: await mergeBase(root, head, `${target}^`), head, targets: [target], foundBy: `pull request #${number}` });
      continue;
    }
    if (candidates === undefined && range.remote) await fetchRecentPullRequests(root, range.remote);
    candidates ??= await unmergedCandidates(root, range.after);
    const rebased = candidates.find((candidate) => candidate.identities.has(identities.get(target)!));
    if (rebased) {
      work.push({
        base: rebased.base,
        head: rebased.head,
        targets: [target],
        foundBy: `rebased commits of ${rebased.ref}`,
        identities: rebased.identities,
      });
      continue;
    }
    const squashed = await sameAddedLines(root, target, candidates);
    if (squashed) work.push({ base: squashed.base, head: squashed.head, targets: [target], foundBy: `patch content of ${squashed.ref}` });
    else unmatched.push(target);
  }
  return { work: work.map(({ identities: _ids, ...item }) => item), annotated, unmatched };
}

/**
 * The commits that merge commits on the default branch's first-parent line
 * brought in (`M^1..M^2`), each with its merge commit: a GitLab squash with a
 * merge commit puts the new squash commit there, titled with the merge
 * request's title only; its number is in the merge commit's message.
 */
async function commitsMergedIn(root: string, range: PushedRange): Promise<Map<string, string>> {
  const { stdout } = await git(['rev-list', '--first-parent', '--merges', '--reverse', `${range.before}..${range.after}`], { cwd: root });
  const mergedBy = new Map<string, string>();
  for (const merge of stdout.split('\n').filter(Boolean)) {
    const { stdout: merged } = await git(['rev-list', '--no-merges', '--reverse', `${merge}^1..${merge}^2`], { cwd: root });
    for (const commit of merged.split('\n').filter(Boolean)) if (!mergedBy.has(commit)) mergedBy.set(commit, merge);
  }
  return mergedBy;
}

async function mergeBase(root: string, a: string, b: string): Promise<string> {
  return (await git(['merge-base', a, b], { cwd: root })).stdout.trim();
}

async function pullRequestNumber(root: string, commit: string): Promise<number | undefined> {
  const { stdout } = await git(['log', '-1', '--format=%B', commit], { cwd: root });
  const subject = stdout.split('\n')[0];
  const match = /\(#(\d+)\)\s*$/.exec(subject) ?? /^Merge pull request #(\d+) /.exec(subject) ?? /^See merge request \S*!(\d+)\s*$/m.exec(stdout);
  return match ? Number(match[1]) : undefined;
}

/** The head of pull request `number`: already here, or fetched from the remote (GitHub, then GitLab ref names). */
async function pullRequestHead(root: string, number: number, remote: string | undefined): Promise<string | undefined> {
  const local = [`refs/pull/${number}/head`, `refs/merge-requests/${number}/head`, `refs/ai-provenance/pull/${number}`];
  for (const ref of local) {
    const commit = await resolveCommit(root, ref);
    if (commit) return commit;
  }
  if (!remote) return undefined;
  for (const source of [`refs/pull/${number}/head`, `refs/merge-requests/${number}/head`]) {
    const target = `refs/ai-provenance/pull/${number}`;
    const { exitCode } = await git(['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', remote, `+${source}:${target}`], {
      cwd: root,
      allowFailure: true,
    });
    if (exitCode === 0) return resolveCommit(root, target);
  }
  return undefined;
}

const RECENT_PULL_REQUESTS = 20;

/**
 * The heads of the most recent pull or merge requests on the remote, fetched
 * as refs/ai-provenance/pull/<n>: a squash with a title-only message whose
 * branch was deleted (GitLab deletes it by default) is only found there.
 */
async function fetchRecentPullRequests(root: string, remote: string): Promise<void> {
  const { stdout, exitCode } = await git(['ls-remote', remote, 'refs/pull/*/head', 'refs/merge-requests/*/head'], { cwd: root, allowFailure: true });
  if (exitCode !== 0) return;
  const refs = stdout
    .split('\n')
    .map((line) => /\t(refs\/(?:pull|merge-requests)\/(\d+)\/head)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ ref: match[1], number: Number(match[2]) }))
    .sort((a, b) => b.number - a.number)
    .slice(0, RECENT_PULL_REQUESTS);
  if (refs.length === 0) return;
  const refspecs = refs.map(({ ref, number }) => `+${ref}:refs/ai-provenance/pull/${number}`);
  await git(['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', remote, ...refspecs], { cwd: root, allowFailure: true });
}

interface Candidate {
  readonly ref: string;
  readonly head: string;
  readonly base: string;
  readonly identities: Set<string>;
}

/** Branches and pull request refs that are not merged into `after`, most recent first (at most MAX_CANDIDATES). */
async function unmergedCandidates(root: string, after: string): Promise<Candidate[]> {
  const { stdout } = await git(
    [
      'for-each-ref',
      '--sort=-committerdate',
      '--no-merged',
      after,
      '--format=%(objectname) %(refname)',
      'refs/remotes/',
      'refs/pull/',
      'refs/merge-requests/',
      'refs/ai-provenance/pull/',
      'refs/heads/',
    ],
    { cwd: root },
  );
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const line of stdout.split('\n')) {
    const [head, ref] = line.split(' ');
    if (!head || !ref || seen.has(head) || candidates.length >= MAX_CANDIDATES) continue;
    seen.add(head);
    const base = await mergeBase(root, head, after).catch(() => '');
    if (!base) continue;
    const { stdout: commits } = await git(['rev-list', '--no-merges', `${base}..${head}`], { cwd: root });
    const list = commits.split('\n').filter(Boolean);
    candidates.push({ ref, head, base, identities: new Set((await commitIdentities(root, list)).values()) });
  }
  return candidates;
}

/**
 * The candidate whose changes are the target's: the lines each adds (path
 * and text) compared as sets, at least 80% in common (main may have moved
 * under the squash), the best match only.
 */
async function sameAddedLines(root: string, target: string, candidates: readonly Candidate[]): Promise<Candidate | undefined> {
  const wanted = await addedLineSet(root, `${target}^`, target);
  if (wanted.size === 0) return undefined;
  let best: { candidate: Candidate; score: number } | undefined;
  for (const candidate of candidates) {
    const theirs = await addedLineSet(root, candidate.base, candidate.head);
    const common = [...wanted].filter((line) => theirs.has(line)).length;
    const score = common / (wanted.size + theirs.size - common);
    if (score >= 0.8 && (!best || score > best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

async function addedLineSet(root: string, from: string, to: string): Promise<Set<string>> {
  const set = new Set<string>();
  const { stdout } = await git(['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--no-textconv', '-U0', from, to], {
    cwd: root,
  });
  let path = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('+++ ')) path = line.slice(4);
    else if (line.startsWith('+') && line.slice(1).trim() !== '') set.add(`${path}\0${line.slice(1).trim()}`);
  }
  return set;
}
