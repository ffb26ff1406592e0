/** Public API of src/core/git for the extension and the CLI (pure: no vscode). */
export { recordHookFailure, type HookFailure } from './hooks/hookFailures';
export { isManagedHook, MANAGED_HOOKS } from './hooks/managedHooks';
export { reviewerName } from './identity';
export { readNote } from './notes';
export { HOOK_FACTS_ENV, readHookFacts } from './hookFacts';
export { PRESTARTED_DIFF_ENV } from './prestartedDiff';
export { findRepository, fromRepoPath, type Repository, storeDirOf, toRepoPath } from './repository';
export { resolveCommit } from './revisions';
export { shellQuote } from './shellQuote';
export { readBlobs } from './blobs';
export { git } from './exec';
export { remoteNames } from './notesSync/remoteNotes';
export { NotesSyncError, syncNotes, type SyncResult } from './notesSync/syncNotes';
export type { NoteConflict, NotesMerge, NotesMergeResult, SyncedNotesRef } from './notesSync/types';
export { operationInProgress } from './operations';
