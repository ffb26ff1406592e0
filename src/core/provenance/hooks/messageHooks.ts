import { attributesMayNameDiff } from '../../git/diffAttribute';
import { git } from '../../git/exec';
import type { FileDiff } from '../../git/diffParse';
import type { HookFacts } from '../../git/hookFacts';
import { parsePrestartedDiff } from '../../git/prestartedDiff';
import { applyTrailers, hasContent, isEmptyButOurTrailers } from '../applyTrailers';
import { computeCommitProvenance, type CommitProvenance } from '../computeCommitProvenance';
import { keepIndexedTrailers } from '../keepIndexedTrailers';
import { resolveCommentChar } from '../messageLayout';
import { noteOf } from '../note/record';
import { serializeNote } from '../note/build';
import { parseGitConfig } from '../settings';
import { withPreview, withoutPreview } from '../preview';
import type { Trailer } from '../trailers';
import { messageFinishOf, type MessageFinish } from './finishShortcut';
import { clearHandoffs, COMMIT_PLACEHOLDER, readHandoff, writeHandoff } from './handoff';
import {
  blastRadiusForHook,
  isAmend,
  openHookContext,
  openStoreForHook,
  readMessageFile,
  replayInProgress,
  writeMessageFile,
  type HookContext,
} from './hookContext';

// The two hooks that write the commit message: prepare-commit-msg works out
// the commit's provenance and writes (or previews) the trailers; commit-msg,
// after the editor closed, writes previewed trailers and keeps an emptied
// message empty. The notes side is in noteHooks.ts.

export interface PrepareCommitMsgArgs {
  readonly messageFile: string;
  /** message | template | merge | squash | commit, or undefined (plain `git commit`). */
  readonly source?: string;
  readonly sha?: string;
  /** What the hook script piped in: the staged diff it started before node (see prestartedDiff.ts). */
  readonly prestartedDiff?: Promise<string>;
  /** What the hook script asked git while node started (see hookFacts.ts); undefined: the hook asks git itself. */
  readonly facts?: HookFacts | Promise<HookFacts | undefined>;
}

export type PrepareOutcome = 'applied' | 'previewed' | 'unchanged' | 'skipped-merge' | 'skipped-replay';

/**
 * prepare-commit-msg, per source:
 * - merge: untouched (the merged commits carry their own provenance);
 * - rebase / cherry-pick / am in progress: untouched (the replayed message
 *   keeps the original trailers; the note follows via post-commit/post-rewrite);
 * - message (-m/-F), commit (-c/-C/--amend), squash: trailers written now;
 * - plain editor flow and template: trailers shown as comments, written by
 *   commit-msg once the message exists (see preview.ts).
 * What it worked out is handed to commit-msg and post-commit (handoff.ts).
 */
export async function runPrepareCommitMsg(cwd: string, args: PrepareCommitMsgArgs, env: NodeJS.ProcessEnv): Promise<PrepareOutcome> {
  if (args.source === 'merge') return 'skipped-merge';
  const facts = await args.facts;
  const context = await openHookContext(cwd, env, facts);
  clearHandoffs(context.storeDir, context.gitPid);
  if (replayInProgress(context)) return 'skipped-replay';
  const original = readMessageFile(args.messageFile);
  const commentChar = resolveCommentChar(context.settings.commentChar, original);
  const { store, version } = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const amend = isAmend(args.source, args.sha, context);
  // The tree and parents of the commit being made, for the hand-off: asked while the diff is read.
  const shape = facts ? shapeFromFacts(facts, amend) : commitBeingMade(context.root, amend);
  const blast = await blastRadiusForHook(context, classifier);
  try {
    const provenance = await computeCommitProvenance(context.root, store, {
      target: { kind: 'staged', amend, diff: prestarted(args.prestartedDiff), addedTextUsable: addedTextUsable(context, facts, env) },
      settings: context.settings,
      classifier,
      ...(blast.provider ? { blastRadius: blast.provider } : {}),
    });
    const editorFlow = args.source === undefined || args.source === 'template' || !hasContent(original, commentChar);
    let updated: string;
    if (editorFlow) updated = provenance.trailers.length > 0 ? withPreview(original, provenance.trailers, commentChar) : original;
    else updated = applyTrailers(original, keepIndexedTrailers(original, provenance.trailers, commentChar), { commentChar });
    if (updated !== original) writeMessageFile(args.messageFile, updated);
    await handOff(context, {
      provenance,
      previewed: editorFlow,
      message: updated,
      shape: await shape,
      storeVersion: version,
    });
    if (updated === original) return 'unchanged';
    return editorFlow ? 'previewed' : 'applied';
  } finally {
    blast.release();
  }
}

export type CommitMsgOutcome = 'applied' | 'emptied' | 'unchanged';

/**
 * commit-msg runs after the editor closed. It writes the trailers that
 * prepare-commit-msg only previewed (from the hand-off when there is one),
 * and makes sure a message the user emptied stays empty apart from our
 * trailers, so git aborts the commit as it would without us.
 * (`--no-verify` skips this hook: the trailers of an editor-flow commit are
 * then missing, the note is still written.)
 */
export async function runCommitMsg(cwd: string, messageFile: string, env: NodeJS.ProcessEnv = {}): Promise<CommitMsgOutcome> {
  // The hook scripts name the store: with this commit's hand-off there, no git, settings or region store to read.
  const handoff = env.AIP_STORE_DIR ? readHandoff(env.AIP_STORE_DIR, env.AIP_GIT_PID) : undefined;
  if (handoff) return finishMessage(messageFile, handoff.commentChar, async () => handoff.trailers);
  const context = await openHookContext(cwd, env);
  return finishMessage(
    messageFile,
    context.settings.commentChar,
    async () => readHandoff(context.storeDir, context.gitPid)?.trailers ?? (await stagedTrailers(context)),
  );
}

async function finishMessage(
  messageFile: string,
  configuredCommentChar: string,
  trailersToWrite: () => Promise<readonly Trailer[]>,
): Promise<CommitMsgOutcome> {
  const original = readMessageFile(messageFile);
  const commentChar = resolveCommentChar(configuredCommentChar, original);
  const { message, hadPreview } = withoutPreview(original, commentChar);
  if (isEmptyButOurTrailers(message, commentChar)) {
    writeMessageFile(messageFile, applyTrailers(message, [], { commentChar }));
    return 'emptied';
  }
  if (!hadPreview) return 'unchanged';
  if (!hasContent(message, commentChar)) {
    writeMessageFile(messageFile, message);
    return 'emptied';
  }
  writeMessageFile(messageFile, applyTrailers(message, await trailersToWrite(), { commentChar }));
  return 'applied';
}

/** Without a hand-off: the trailers worked out again. A previewed message comes from a plain or template commit, never an amend (that is source `commit`). */
async function stagedTrailers(context: HookContext): Promise<readonly Trailer[]> {
  const { store } = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const blast = await blastRadiusForHook(context, classifier);
  try {
    const provenance = await computeCommitProvenance(context.root, store, {
      target: { kind: 'staged' },
      settings: context.settings,
      classifier,
      ...(blast.provider ? { blastRadius: blast.provider } : {}),
    });
    return provenance.trailers;
  } finally {
    blast.release();
  }
}

interface CommitShape {
  readonly tree: string;
  readonly parents: readonly string[];
}

/** The same, from what the hook script asked git (HEAD then its parents; nothing on an unborn branch). */
function shapeFromFacts(facts: HookFacts, amend: boolean): CommitShape | undefined {
  const [head, ...headParents] = facts.head;
  if (head === undefined) return amend ? undefined : { tree: facts.tree, parents: [] };
  return { tree: facts.tree, parents: amend ? headParents : [head] };
}

/**
 * The tree and parents the commit will have: the tree of the index git set
 * up for the hook (GIT_INDEX_FILE), and HEAD (for an amend, HEAD's parents).
 * Undefined when git cannot say (then nothing is handed off).
 */
async function commitBeingMade(root: string, amend: boolean): Promise<CommitShape | undefined> {
  try {
    const [tree, parents] = await Promise.all([
      git(['write-tree'], { cwd: root }),
      git(['rev-parse', '-q', '--verify', amend ? 'HEAD^{commit}' : 'HEAD'], { cwd: root, allowFailure: true }).then(async (head) => {
        if (head.exitCode !== 0) return amend ? undefined : []; // unborn branch: a root commit
        if (!amend) return [head.stdout.trim()];
        const { stdout } = await git(['rev-parse', 'HEAD^@'], { cwd: root });
        return stdout.split('\n').filter((line) => line !== '');
      }),
    ]);
    return parents ? { tree: tree.stdout.trim(), parents } : undefined;
  } catch {
    return undefined;
  }
}

async function handOff(
  context: HookContext,
  handoff: {
    provenance: CommitProvenance;
    previewed: boolean;
    message: string;
    shape: CommitShape | undefined;
    storeVersion: number | undefined;
  },
): Promise<void> {
  const { shape, provenance } = handoff;
  // A merge commit (amending one) gets no note: nothing to hand off for it.
  if (context.gitPid === undefined || !shape || shape.parents.length > 1) return;
  const note = noteOf(COMMIT_PLACEHOLDER, provenance, { settings: context.settings, classifier: context.settings.classifier });
  writeHandoff(context.storeDir, {
    gitPid: context.gitPid,
    trailers: provenance.trailers,
    previewed: handoff.previewed,
    commentChar: context.settings.commentChar,
    message: handoff.message,
    note: serializeNote(note),
    tree: shape.tree,
    parents: shape.parents,
    storeVersion: handoff.storeVersion,
    ...(handoff.previewed ? withFinish(messageFinishOf(handoff.message, provenance.trailers, context.settings.commentChar)) : {}),
  });
}

function withFinish(finish: MessageFinish | undefined): { finish?: MessageFinish } {
  return finish ? { finish } : {};
}

/** The prestarted diff when it is complete, with the added lines' text; undefined makes computeCommitProvenance run its own. */
async function prestarted(text: Promise<string> | undefined): Promise<readonly FileDiff[] | undefined> {
  try {
    return text === undefined ? undefined : parsePrestartedDiff(await text, { keepAddedText: true });
  } catch {
    return undefined;
  }
}

/**
 * Whether the diff's text may stand for the files' contents: not when an attributes file may make git show a
 * binary file as text (see diffAttribute.ts), nor without the config (git's facts) to find them all.
 */
function addedTextUsable(context: HookContext, facts: HookFacts | undefined, env: NodeJS.ProcessEnv): (paths: readonly string[]) => boolean {
  return (paths) =>
    facts !== undefined &&
    !attributesMayNameDiff({ root: context.root, commonDir: context.commonDir, config: parseGitConfig(facts.configText), env, paths });
}
