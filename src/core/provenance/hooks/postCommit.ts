import { resolveCommit } from '../../git/revisions';
import { recordCommitNote, type RecordOutcome } from '../note/record';
import { blastRadiusForHook } from './blastRadiusForHook';
import { openHookContext, openStoreForHook, replayedCommit } from './hookContext';

/**
 * post-commit: writes the note of the new commit. A cherry-picked (or
 * rebased) commit also inherits the note of the commit it copies, which git
 * names in CHERRY_PICK_HEAD while the copy is committed. Merge commits get
 * no note. (After an amend, post-rewrite merges in the old commit's note.)
 */
export async function runPostCommit(cwd: string): Promise<RecordOutcome> {
  const context = await openHookContext(cwd);
  const head = await resolveCommit(context.root, 'HEAD');
  if (!head) return { kind: 'none' };
  const store = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const blast = await blastRadiusForHook(context, classifier);
  try {
    const replayed = replayedCommit(context);
    return await recordCommitNote(context.root, store, head, {
      settings: context.settings,
      classifier,
      ...(blast.provider ? { blastRadius: blast.provider } : {}),
      derivedFrom: replayed && replayed !== head ? [replayed] : [],
    });
  } finally {
    blast.release();
  }
}
