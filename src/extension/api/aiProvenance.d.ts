// The API AI Provenance offers other extensions. Copy this file into your
// extension (it needs only the `vscode` types) and ask for the version you
// were written for:
//
//   const extension = vscode.extensions.getExtension<AiProvenanceExtension>('ai-provenance.ai-provenance');
//   const api = (await extension?.activate())?.getApi(1);
//   const regions = await api?.regionsOf(document.uri);
//
// A version never changes once released; a new one gets a new number, and
// getApi() returns undefined for a version this build does not offer.
import type { Event, Range, Uri } from 'vscode';

export interface AiProvenanceExtension {
  getApi(version: 1): AiProvenanceApiV1 | undefined;
}

export interface AiProvenanceApiV1 {
  readonly version: 1;
  /**
   * The AI-written regions of a file, in document order: empty when the file
   * has none, is not a file on disk, or lies outside the workspace and any git
   * repository.
   */
  regionsOf(uri: Uri): Promise<readonly AiRegionV1[]>;
  /** Fires with the files whose regions changed (typing, capture, review, another window, the CLI). */
  readonly onDidChangeRegions: Event<readonly Uri[]>;
}

export interface AiRegionV1 {
  /** Where the region is now (0-based, end exclusive, like the editor's ranges). */
  readonly range: Range;
  /** How it was captured: 'inline', 'inline-partial', 'chat', 'agent', 'agent-disk', 'agent-hook', 'manual', or a tool's own word. */
  readonly source: string;
  readonly tool?: string;
  readonly model?: string;
  /** 0..1: how sure the capture was that an AI wrote it. */
  readonly confidence: number;
  /** 0-based numbers of the lines that still hold AI-written text (a person may have rewritten others). */
  readonly aiLines: readonly number[];
  /** Set once someone marked it reviewed. */
  readonly reviewed?: { readonly by: string; readonly at: Date };
}
