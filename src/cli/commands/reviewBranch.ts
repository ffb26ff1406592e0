import { formatRanges, toRanges } from '../../core/provenance';
import { detectReviewBase, formatReviewStatus, ReviewInputError, reviewState, type ReviewState } from '../../core/review';
import { prepareSignOff, recordSignOff, SignOffError, SIGNOFFS_REF } from '../../core/signoff';
import { parse, parseLineRange } from '../args';
import { CliError, UsageError, type CliCommand, type CliIO } from '../command';
import { requireRepository } from '../workspace';
import { toRepoPath } from '../../core/git';
import { resolve } from 'node:path';
import { plural } from '../../core/text';

const USAGE = `Usage:
  ai-provenance review status [--base <ref>] [--json]
  ai-provenance review sign-off [--base <ref>] [--files <path>...] [--lines a-b] [--comment <text>] [--sign | --no-sign] [--json]

status     lists the AI-written lines that the commits of <base>..HEAD left in
           the files, per load-bearing class: who signed them off, and what
           is still open under the policy (policy.requireSignOff, signOff)
sign-off   records that you reviewed those lines: all of them, those of some
           files (--files), or some lines of one file as it is now (--lines,
           with one --files). Your identity is git's user.name and user.email.
           The sign-off is signed with git's signing key when user.signingkey
           is set (gpg.format ssh or openpgp), and stored in
           ${SIGNOFFS_REF} on HEAD.
--base defaults to the upstream's default branch (e.g. origin/main).
Share sign-offs like the provenance notes:
  git push origin ${SIGNOFFS_REF}`;

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: "see a branch's AI-written lines and sign them off",
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    switch (action) {
      case 'status':
        return status(rest, io);
      case 'sign-off':
        return signOff(rest, io);
      default:
        throw new UsageError(action === undefined ? 'review needs status or sign-off' : `unknown review action "${action}"`);
    }
  },
};

async function baseOf(root: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const detected = await detectReviewBase(root);
  if (!detected) throw new UsageError('no base branch found (no upstream default branch, no main or master): pass --base <ref>');
  return detected.ref;
}

async function status(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, { base: { type: 'string' }, json: { type: 'boolean' } }, false);
  const repository = await requireRepository(io);
  const base = await baseOf(repository.root, values.base);
  let state: ReviewState;
  try {
    // The policy, classes and CODEOWNERS of the base, as the gate reads them.
    state = await reviewState(repository.root, base);
  } catch (error) {
    if (error instanceof ReviewInputError) throw new CliError(error.message);
    throw error;
  }
  io.stdout(values.json ? `${JSON.stringify(statusJson(state), null, 2)}\n` : formatReviewStatus(state));
  return 0;
}

/** `review status --json`: a contract (docs/REVIEW.md). */
export function statusJson(state: ReviewState) {
  return {
    schema: 'ai-provenance/review-status',
    version: 1,
    base: state.baseRef,
    mergeBase: state.mergeBase,
    head: state.head,
    policy: state.rules,
    files: state.files.map((file) => ({
      path: file.path,
      classes: file.classification.classes.map((match) => match.name),
      requiresSignOff: file.requiresSignOff,
      reviewers: file.reviewers,
      ...(file.nobody ? { nobody: file.nobody } : {}),
      risk: file.risk,
      hunks: file.hunks.map((hunk) => ({
        lines: [hunk.start, hunk.end],
        commit: hunk.commit.sha,
        author: { name: hunk.commit.author, email: hunk.commit.authorEmail },
        source: hunk.origin.source,
        ...(hunk.origin.tool ? { tool: hunk.origin.tool } : {}),
        ...(hunk.origin.model ? { model: hunk.origin.model } : {}),
        open: hunk.open,
        signedOff: [...groupSigners(hunk.signedOff)].map(([, entry]) => entry),
        notCounted: hunk.rejected.map((rejected) => ({ reviewer: rejected.reviewer, signedOffAt: rejected.signedOffAt, reasons: rejected.reasons })),
      })),
    })),
    notices: state.notices,
  };
}

function groupSigners(signedOff: ReviewState['files'][number]['hunks'][number]['signedOff']) {
  const result = new Map<
    string,
    { id: string; reviewer: { name: string; email: string }; signedOffAt: string; signature: string; lines: Array<readonly [number, number]> }
  >();
  const lines = new Map<string, number[]>();
  for (const [line, accepted] of signedOff) {
    if (!result.has(accepted.id))
      result.set(accepted.id, {
        id: accepted.id,
        reviewer: accepted.reviewer,
        signedOffAt: accepted.signedOffAt,
        signature: accepted.signature,
        lines: [],
      });
    lines.set(accepted.id, [...(lines.get(accepted.id) ?? []), line]);
  }
  for (const [id, entry] of result) entry.lines = toRanges(lines.get(id)!);
  return result;
}

async function signOff(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    base: { type: 'string' },
    files: { type: 'string', multiple: true },
    lines: { type: 'string' },
    comment: { type: 'string' },
    sign: { type: 'boolean' },
    'no-sign': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.sign && values['no-sign']) throw new UsageError('--sign and --no-sign exclude each other');
  const repository = await requireRepository(io);
  const root = repository.root;
  const files = [...(values.files ?? []).flatMap((list) => list.split(',')), ...positionals]
    .map((file) => file.trim())
    .filter((file) => file !== '')
    .map((file) => {
      const path = toRepoPath(root, resolve(io.cwd, file));
      if (!path) throw new UsageError(`${file} is outside ${root}`);
      return path;
    });
  if (values.lines && files.length !== 1) throw new UsageError('--lines needs exactly one file (--files <path>)');
  const base = await baseOf(root, values.base);
  let prepared;
  let recorded;
  try {
    const range = values.lines ? parseLineRange(values.lines) : undefined;
    prepared = await prepareSignOff(root, {
      base,
      ...(range ? { lines: { path: files[0]!, ranges: [[range.first + 1, range.last + 1]] } } : files.length > 0 ? { files } : {}),
      ...(values.comment !== undefined ? { comment: values.comment } : {}),
    });
    recorded = await recordSignOff(root, prepared, values.sign ? { sign: true } : values['no-sign'] ? { sign: false } : {});
  } catch (error) {
    if (error instanceof SignOffError) throw new CliError(error.message);
    throw error;
  }
  const { document } = recorded;
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ id: recorded.id, attachedTo: recorded.attachedTo, aiLines: prepared.aiLines, files: prepared.files, document }, null, 2)}\n`,
    );
  } else {
    const commits = document.commits.length;
    const signature = document.signature ? `, signed (${document.signature.format})` : ', unsigned';
    io.stdout(
      `Signed off ${plural(prepared.aiLines, 'AI line')} in ${plural(prepared.files.length, 'file')} of ${plural(commits, 'commit')} ` +
        `as ${document.reviewer.name} <${document.reviewer.email}>${signature}.\n`,
    );
    for (const commit of document.commits) {
      for (const file of commit.files)
        io.stdout(`  ${commit.sha.slice(0, 10)} ${file.path} ${formatRanges(file.ranges.map((range) => [range.start, range.end] as const))}\n`);
    }
    io.stdout(`Stored in ${SIGNOFFS_REF} on ${recorded.attachedTo.slice(0, 10)}. Share it: git push origin ${SIGNOFFS_REF}\n`);
  }
  if (prepared.ownCommits.length > 0) {
    const list = prepared.ownCommits.map((commit) => `${commit.sha.slice(0, 10)} ${commit.subject}`).join(', ');
    io.stderr(
      `ai-provenance: you made ${prepared.ownCommits.length} of these commits (${list}); a policy with signOff.notAuthor (the default) does not count your sign-off for them\n`,
    );
  }
  return 0;
}
