/**
 * Public API of commit-time provenance (pure Node, no vscode): what the
 * extension calls to preview trailers and manage the hooks, and what the
 * CLI commands are built on.
 */
export { computeCommitProvenance, type CommitProvenance, type CommitProvenanceOptions } from './computeCommitProvenance';
export type { ChangeTarget } from './changes';
export type { RegionSource } from './attribute';
export { applyTrailers, hasContent, isEmptyButOurTrailers, type ApplyOptions } from './applyTrailers';
export { isOurTrailerKey, type Trailer, type TrailerOptions } from './trailers';
export type { ParsedProvenanceTrailers } from './parseTrailers';
export { readTrailers } from './messageLayout';
export type { ProvenanceSummary, FileSummary } from './summary';
export type { FileAttribution, LineOrigin } from './lineOrigin';
export type { BlastRadiusEstimate, BlastRadiusProvider, BlastRadiusTarget, LargestBlastRadius } from './blastRadius';
export { readProvenanceSettings, type ProvenanceSettings } from './settings';
export { NOTES_REF, type CommitNote, type NoteFile, type NoteRange } from './note/schema';
export { parseNoteText } from './note/parse';
export { recordCommitNote, type RecordOutcome } from './note/record';
export { toAgentTrace, type AgentTraceRecord } from './agentTrace';
export { runGate, GateInputError, type GateOptions } from './gate/runGate';
export { readLocalHooks } from './gate/attestation';
export { formatGateGithub, formatGateText } from './gate/formatGate';
export { gatePolicy, type GatePolicy } from './gate/policy';
export type { CommitVerdict, Finding, GateResult } from './gate/verdict';
export { rangeProvenance, type RangeProvenance } from './report/rangeProvenance';
export { formatReportMarkdown } from './report/markdown';
export { installHooks, type InstallOptions, type InstallResult, type InstalledHook } from '../git/hooks/installHooks';
export { uninstallHooks, type UninstallResult } from '../git/hooks/uninstallHooks';
export { hooksStatus, type HookState, type HooksStatus } from '../git/hooks/hooksStatus';
export { HookInstallError } from '../git/hooks/hookFiles';
export type { ManagedHook } from '../git/hooks/managedHooks';
export { rangeCommits } from './gate/rangeCommits';
export { runCommitMsg, runPrepareCommitMsg } from './hooks/messageHooks';
export { runPostCommit, runPostRewrite } from './hooks/noteHooks';
export { runPostMerge } from './hooks/postMerge';
export { runPrePush } from './hooks/prePush';
export { openIndexBlastRadius } from './indexBlastRadius';
export { formatRanges, toRanges } from './lineRanges';
export { generatorName } from './note/build';
export { BlameInputError, blameProvenance, type BlameLine, type FileBlame } from './blame/blameProvenance';
export { carryNotes, type CarryOutcome } from './carry/carryNotes';
export { findMergedWork, type MergedWork } from './carry/findMergedWork';
export { takeInFetchedNotes } from './fetchedNotes';
export { SYNCED_NOTES_REFS } from './syncedNotes';
