import type { Codeowners } from '../loadBearing';
import { codeownersAt, readFileAt } from './baseFiles';
import { findLines, gitLines, linesHash } from './contentHash';
import { patchIds } from './patchIds';
import { eligibleReviewers, type EligibleReviewers } from './reviewers';
import type { SignOffRules } from './rules';
import type { Reviewer, SignOff, SignedOffCommit, SignedOffRange } from './schema';
import { listSignOffs } from './signOffNotes';
import { resolveTrust } from './trust';
import { verifySignOff, type TrustSettings, type Verification } from './verify';

/** The file whose CODEOWNERS owners may review a change to the policy itself. */
const POLICY_FILE = '.ai-provenance.json';

/** The commit whose lines are judged, and who made it. */
export interface JudgedCommit {
  readonly sha: string;
  readonly authorEmail: string;
  readonly committerEmail: string;
}

export interface AcceptedSignOff {
  readonly id: string;
  readonly reviewer: Reviewer;
  readonly signedOffAt: string;
  readonly comment?: string;
  /** 'good' when the policy asked for signatures and it verified; 'not-checked' otherwise. */
  readonly signature: 'good' | 'not-checked';
}

export interface RejectedSignOff {
  readonly id: string;
  readonly reviewer: Reviewer;
  readonly signedOffAt: string;
  /** Why it does not count, for people ("it is not signed (policy.signOff.signed)"). */
  readonly reasons: readonly string[];
  /** The lines (1-based, in the commit's version) it would have covered. */
  readonly lines: readonly number[];
}

/** What the sign-offs say about some AI lines of one file in one commit. */
export interface FileJudgement {
  /** Line -> the first accepted sign-off covering it. */
  readonly accepted: ReadonlyMap<number, AcceptedSignOff>;
  readonly rejected: readonly RejectedSignOff[];
  /** Who would satisfy the policy for this file, and who may not (notAuthor). */
  readonly eligible: EligibleReviewers;
  readonly excluded: readonly string[];
}

/**
 * Decides which AI lines the stored sign-offs cover and whether the policy
 * accepts each sign-off: the one place where "signed off" is decided (the
 * gate, `review status`, the report and the editor all ask it).
 *
 * A sign-off covers a line of a commit's file when it names the commit (by
 * id, or by patch id after a rebase), the file, and a range holding the line
 * whose SHA-256 still matches the commit's text there. It is accepted when
 * the reviewer is not the author or committer (notAuthor), is among the
 * eligible reviewers (reviewers), and, when the policy asks, its signature
 * verifies against the allowed signers (signed).
 */
export class SignOffJudge {
  private readonly texts = new Map<string, Promise<string[] | undefined>>();
  private readonly verifications = new Map<string, Promise<Verification>>();
  private patchIdsOf?: Promise<Map<string, string>>;
  private readonly byCommit = new Map<string, Array<{ signOff: SignOff; entry: SignedOffCommit }>>();
  private readonly byPatchId = new Map<string, Array<{ signOff: SignOff; entry: SignedOffCommit }>>();

  private constructor(
    private readonly root: string,
    readonly rules: SignOffRules,
    readonly signOffs: readonly SignOff[],
    private readonly codeowners: Codeowners | undefined,
    private readonly trust: TrustSettings | undefined,
    /** The range's commits, whose patch ids are computed (once) when a sign-off names a commit no longer there. */
    private readonly rangeShas: readonly string[],
    readonly notices: readonly string[],
  ) {
    for (const signOff of signOffs) {
      for (const entry of signOff.document.commits) {
        push(this.byCommit, entry.sha, { signOff, entry });
        if (entry.patchId) push(this.byPatchId, entry.patchId, { signOff, entry });
      }
    }
  }

  /**
   * Reads the sign-offs ref, the base's CODEOWNERS (when the policy names
   * owners) and git's trust settings (when it asks for signatures).
   */
  static async open(root: string, base: string, rules: SignOffRules, rangeShas: readonly string[]): Promise<SignOffJudge> {
    const listing = await listSignOffs(root);
    const codeowners = rules.reviewers === 'codeowners' ? await codeownersAt(root, base) : undefined;
    const resolved = rules.signed && listing.signOffs.length > 0 ? await resolveTrust(root, base) : undefined;
    return new SignOffJudge(root, rules, listing.signOffs, codeowners, resolved?.trust, rangeShas, [
      ...listing.problems,
      ...(resolved?.notices ?? []),
    ]);
  }

  eligible(path: string): EligibleReviewers {
    return eligibleReviewers(path, this.rules, this.codeowners);
  }

  excluded(commit: JudgedCommit): string[] {
    return this.rules.notAuthor
      ? [...new Set([commit.authorEmail, commit.committerEmail].filter((email) => email !== '').map((email) => email.toLowerCase()))]
      : [];
  }

  async judge(commit: JudgedCommit, path: string, lines: readonly number[]): Promise<FileJudgement> {
    const eligible = this.eligible(path);
    const excluded = this.excluded(commit);
    const accepted = new Map<number, AcceptedSignOff>();
    const rejected: RejectedSignOff[] = [];
    const wanted = new Set(lines);
    for (const { signOff, entry } of await this.entriesFor(commit.sha)) {
      const file = entry.files.find((candidate) => candidate.path === path);
      if (!file) continue;
      const covered: number[] = [];
      const changed: number[] = [];
      const text = await this.textOf(commit.sha, path);
      for (const signed of file.ranges) {
        const range = text ? placeRange(text, signed, entry.sha !== commit.sha) : signed;
        const inRange = [...wanted].filter((line) => line >= range.start && line <= range.end);
        if (inRange.length > 0) (text && linesHash(text, range.start, range.end) === signed.sha256 ? covered : changed).push(...inRange);
      }
      const { document } = signOff;
      const base = { id: signOff.id, reviewer: document.reviewer, signedOffAt: document.signedOffAt };
      if (changed.length > 0) rejected.push({ ...base, reasons: ['the lines are not the ones signed off (their text differs)'], lines: changed });
      if (covered.length === 0) continue;
      const reasons = await this.objections(signOff, eligible, excluded);
      if (reasons.length > 0) {
        rejected.push({ ...base, reasons, lines: covered });
        continue;
      }
      const verdict: AcceptedSignOff = {
        ...base,
        ...(document.comment ? { comment: document.comment } : {}),
        signature: this.rules.signed ? 'good' : 'not-checked',
      };
      for (const line of covered) if (!accepted.has(line)) accepted.set(line, verdict);
    }
    return { accepted, rejected, eligible, excluded };
  }

  /**
   * Sign-offs of a whole range (scope `range`) that name this commit and that
   * the policy accepts: the reviewer reviewed the commit as a whole, so they
   * count as a review of its other changes too (a change to the policy
   * files). With `reviewers: "codeowners"` the reviewer must own the policy
   * file, `.ai-provenance.json`, in the base's CODEOWNERS.
   */
  async commitReviews(commit: JudgedCommit): Promise<Array<{ readonly reviewer: Reviewer; readonly id: string }>> {
    const eligible = this.eligible(POLICY_FILE);
    const excluded = this.excluded(commit);
    const reviews: Array<{ reviewer: Reviewer; id: string }> = [];
    for (const { signOff } of await this.entriesFor(commit.sha)) {
      if (signOff.document.scope !== 'range' || reviews.some((review) => review.id === signOff.id)) continue;
      if ((await this.objections(signOff, eligible, excluded)).length === 0) reviews.push({ reviewer: signOff.document.reviewer, id: signOff.id });
    }
    return reviews;
  }

  /** Why the policy does not accept this sign-off; empty when it does. */
  private async objections(signOff: SignOff, eligible: EligibleReviewers, excluded: readonly string[]): Promise<string[]> {
    const email = signOff.document.reviewer.email.trim().toLowerCase();
    const reasons: string[] = [];
    if (excluded.includes(email)) reasons.push(`${email} wrote or committed these lines (policy.signOff.notAuthor)`);
    if (eligible.nobody) reasons.push(`nobody can sign off here: ${eligible.nobody}`);
    else if (!eligible.accepts(email)) reasons.push(`${email} is not among the reviewers the policy names (${eligible.reviewers.join(', ')})`);
    if (this.rules.signed) {
      const verification = await this.verification(signOff);
      if (verification.status !== 'good') reasons.push(`${verification.reason} (policy.signOff.signed)`);
    }
    return reasons;
  }

  private verification(signOff: SignOff): Promise<Verification> {
    let result = this.verifications.get(signOff.id);
    if (!result) {
      result = this.trust
        ? verifySignOff(signOff.document, this.trust)
        : Promise.resolve({ status: 'unverifiable', reason: 'no trust settings' } as const);
      this.verifications.set(signOff.id, result);
    }
    return result;
  }

  private async entriesFor(sha: string): Promise<Array<{ signOff: SignOff; entry: SignedOffCommit }>> {
    const direct = this.byCommit.get(sha) ?? [];
    if (this.byPatchId.size === 0) return direct;
    this.patchIdsOf ??= patchIds(this.root, this.rangeShas);
    const patchId = (await this.patchIdsOf).get(sha);
    const moved = patchId ? (this.byPatchId.get(patchId) ?? []).filter(({ entry }) => entry.sha !== sha) : [];
    return [...direct, ...moved];
  }

  private textOf(commit: string, path: string): Promise<string[] | undefined> {
    const key = `${commit}:${path}`;
    let text = this.texts.get(key);
    if (!text) {
      text = readFileAt(this.root, commit, path).then((content) => (content === undefined ? undefined : gitLines(content)));
      this.texts.set(key, text);
    }
    return text;
  }
}

/**
 * The lines a signed range stands for in this commit: where it said, or, for
 * a rebased copy of the signed commit, where the same text moved to.
 */
function placeRange(text: readonly string[], range: SignedOffRange, rebased: boolean): { start: number; end: number } {
  if (!rebased || linesHash(text, range.start, range.end) === range.sha256) return range;
  const start = findLines(text, range.end - range.start + 1, range.sha256, range.start);
  return start === undefined ? range : { start, end: start + range.end - range.start };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
