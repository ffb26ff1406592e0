import { recordCommitNote, type RecordOutcome } from '../note/record';
import { openHookContext, openStoreForHook } from './hookContext';

/** `old new [extra]` lines from git, grouped by new commit: a squash maps several olds to one new. */
export function parseRewrites(input: string): Map<string, string[]> {
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
  const store = await openStoreForHook(context);
  const classifier = context.settings.classifier;
  const outcomes = new Map<string, RecordOutcome>();
  for (const [newCommit, olds] of parseRewrites(input)) {
    outcomes.set(newCommit, await recordCommitNote(context.root, store, newCommit, { settings: context.settings, classifier, derivedFrom: olds }));
  }
  return outcomes;
}
