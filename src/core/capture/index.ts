/** Public API of src/core/capture for the extension and the CLI (pure: no vscode). */
export { applyDecisions, inMemoryTarget } from './applyDecisions';
export { CaptureClassifier, type KnownDiskText } from './captureClassifier';
export type { DocumentVisibility, ObservedChangeEvent, SelectionSpan } from './captureEvent';
export type { EditSource } from './editSource';
export { changedLineRanges } from './changedLines';
export { filesSinceCheckpoint, readCheckpoint, removeCheckpoint, saveCheckpoint } from './checkpoint';
export { DiskCapture, regionsWritten } from './diskCapture';
export { GitActivity, gitDirOf } from './gitState';
export { GitRoundTrips } from './gitRoundTrips';
export { KnownContents } from './knownContents';
export type { PendingCapture } from './pendingCaptures';
export { RemovedAuthorship } from './removedAuthorship';
