import { listSignOffs } from '../signoff/signOffNotes';
import { SIGNOFFS_REF } from '../signoff/schema';
import type { SignOff, SignOffReader } from './signOffs';

/**
 * Sign-offs as recorded in refs/notes/ai-provenance-signoffs, through the
 * review feature's reading API (listSignOffs: two git processes whatever
 * their number). Every recorded sign-off counts for the commits and files it
 * names; whether a policy accepts it (signature, eligible reviewer) is the
 * gate's question (`ai-provenance review status`), not a chart's. A commit
 * rewritten after its sign-off (rebase) has a new id and is not matched.
 */
export const signOffNotesReader: SignOffReader = async (root, commits) => {
  const wanted = new Set(commits);
  const listing = await listSignOffs(root);
  const byCommit = new Map<string, SignOff[]>();
  for (const { document } of listing.signOffs) {
    for (const commit of document.commits) {
      if (!wanted.has(commit.sha)) continue;
      const files = commit.files.map((file) => file.path);
      const signOff: SignOff = { by: document.reviewer.name, at: document.signedOffAt, ...(files.length > 0 ? { files } : {}) };
      byCommit.set(commit.sha, [...(byCommit.get(commit.sha) ?? []), signOff]);
    }
  }
  const source = listing.signOffs.length > 0 ? SIGNOFFS_REF : `no sign-offs recorded (${SIGNOFFS_REF} is empty)`;
  return { source, byCommit, problems: listing.problems };
};
