import { parsePrestartedDiff } from '../../git/prestartedDiff';
import type { FileDiff } from '../../git/diffParse';
import { applyTrailers, hasContent } from '../applyTrailers';
import { computeCommitProvenance } from '../computeCommitProvenance';
import { keepIndexedTrailers } from '../keepIndexedTrailers';
import { resolveCommentChar } from '../messageLayout';
import { withPreview } from '../preview';
import { isAmend } from './amendDetection';
import { blastRadiusForHook } from './blastRadiusForHook';
import { openHookContext, openStoreForHook, replayInProgress } from './hookContext';
import { readMessageFile, writeMessageFile } from './messageFile';

export interface PrepareCommitMsgArgs {
  readonly messageFile: string;
  /** message | template | merge | squash | commit, or undefined (plain `git commit`). */
  readonly source?: string;
  readonly sha?: string;
  /** What the hook script piped in: the staged diff it started before node (see prestartedDiff.ts). */
  readonly prestartedDiff?: Promise<string>;
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
 */
export async function runPrepareCommitMsg(cwd: string, args: PrepareCommitMsgArgs, env: NodeJS.ProcessEnv): Promise<PrepareOutcome> {
  if (args.source === 'merge') return 'skipped-merge';
  const context = await openHookContext(cwd);
  if (replayInProgress(context)) return 'skipped-replay';
  const original = readMessageFile(args.messageFile);
  const commentChar = resolveCommentChar(context.settings.commentChar, original);
  const store = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const blast = await blastRadiusForHook(context, classifier);
  try {
    const provenance = await computeCommitProvenance(context.root, store, {
      target: { kind: 'staged', amend: isAmend(args.source, args.sha, env), diff: prestarted(args.prestartedDiff) },
      settings: context.settings,
      classifier,
      ...(blast.provider ? { blastRadius: blast.provider } : {}),
    });
    const editorFlow = args.source === undefined || args.source === 'template' || !hasContent(original, commentChar);
    let updated: string;
    if (editorFlow) updated = provenance.trailers.length > 0 ? withPreview(original, provenance.trailers, commentChar) : original;
    else updated = applyTrailers(original, keepIndexedTrailers(original, provenance.trailers, commentChar), { commentChar });
    if (updated === original) return 'unchanged';
    writeMessageFile(args.messageFile, updated);
    return editorFlow ? 'previewed' : 'applied';
  } finally {
    blast.release();
  }
}

/** The prestarted diff when it is complete; undefined makes computeCommitProvenance run its own. */
async function prestarted(text: Promise<string> | undefined): Promise<readonly FileDiff[] | undefined> {
  try {
    return text === undefined ? undefined : parsePrestartedDiff(await text);
  } catch {
    return undefined;
  }
}
