import { applyTrailers, hasContent, isEmptyButOurTrailers } from '../applyTrailers';
import { computeCommitProvenance } from '../computeCommitProvenance';
import { resolveCommentChar } from '../messageLayout';
import { withoutPreview } from '../preview';
import { blastRadiusForHook } from './blastRadiusForHook';
import { openHookContext, openStoreForHook } from './hookContext';
import { readMessageFile, writeMessageFile } from './messageFile';

export type CommitMsgOutcome = 'applied' | 'emptied' | 'unchanged';

/**
 * commit-msg runs after the editor closed. It writes the trailers that
 * prepare-commit-msg only previewed, and it makes sure a message the user
 * emptied stays empty apart from our trailers, so git aborts the commit as
 * it would without us. (`--no-verify` skips this hook: the trailers of an
 * editor-flow commit are then missing, the note is still written.)
 */
export async function runCommitMsg(cwd: string, messageFile: string): Promise<CommitMsgOutcome> {
  const context = await openHookContext(cwd);
  const original = readMessageFile(messageFile);
  const commentChar = resolveCommentChar(context.settings.commentChar, original);
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
  const store = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const blast = await blastRadiusForHook(context, classifier);
  try {
    // A previewed message comes from a plain or template commit, never an amend (that is source `commit`).
    const provenance = await computeCommitProvenance(context.root, store, {
      target: { kind: 'staged' },
      settings: context.settings,
      classifier,
      ...(blast.provider ? { blastRadius: blast.provider } : {}),
    });
    writeMessageFile(messageFile, applyTrailers(message, provenance.trailers, { commentChar }));
    return 'applied';
  } finally {
    blast.release();
  }
}
