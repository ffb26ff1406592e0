import { resolveCommit } from '../../git/revisions';
import { recordCommitNote, type RecordOutcome } from '../note/record';
import { blastRadiusForHook, openHookContext, openStoreForHook, replayedCommit } from './hookContext';

// The two hooks that write notes (refs/notes/ai-provenance). After a plain
// commit, the post-commit script usually writes the note prepare-commit-msg
// handed off without starting node (handoff.ts); these run otherwise.

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
  const { store } = await openStoreForHook(context);
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

/** `old new [extra]` lines from git, grouped by new commit: a squash maps several olds to one new. */
function parseRewrites(input: string): Map<string, string[]> {
  const byNew = new Map<string, string[]>();
  for (const line of input.split('\n')) {
    const [oldCommit, newCommit] = line.trim().split(/\s+/);
    if (!oldCommit || !newCommit) continue;
    byNew.set(newCommit, [...(byNew.get(newCommit) ?? []), oldCommit]);
  }
  return byNew;
}

/**
 * post-rewrite (amend, rebase): every rewritten commit gets one note that
 * unites the notes of the commits it replaces, remapped onto its lines.
 * git's own copy (notes.rewriteRef) may already have concatenated several
 * JSON documents there; they are merged into one here.
 */
export async function runPostRewrite(cwd: string, input: string): Promise<Map<string, RecordOutcome>> {
  const context = await openHookContext(cwd);
  const { store } = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const outcomes = new Map<string, RecordOutcome>();
  for (const [newCommit, olds] of parseRewrites(input)) {
    outcomes.set(newCommit, await recordCommitNote(context.root, store, newCommit, { settings: context.settings, classifier, derivedFrom: olds }));
  }
  return outcomes;
}
