import * as vscode from 'vscode';
import { applyDecisions, inMemoryTarget, type RemovedAuthorship } from '../../core/capture';
import { FileRegions, type AiRegion } from '../../core/regions';
import { normalizeLineEnds } from '../../core/text';
import type { ChangeClassifier } from './classifiedChange';

/** How long a closed Untitled document's regions wait for the file Save As wrote. */
const SAVE_AS_WAIT_MS = 10_000;

interface Untitled {
  readonly regions: FileRegions;
  /** Set once closed: the text it had, and when. */
  closed?: { readonly text: string; readonly at: number };
}

/**
 * Regions of Untitled documents, kept in memory (they have no repository),
 * until Save As writes them to a file: the editor then fills the new file's
 * document with the Untitled text in one change, which hands these regions
 * over instead of being taken for an agent's block.
 */
export class UntitledDocuments {
  private readonly documents = new Map<string, Untitled>();

  constructor(private readonly removed: RemovedAuthorship) {}

  get isEmpty(): boolean {
    return this.documents.size === 0;
  }

  apply(event: vscode.TextDocumentChangeEvent, classifier: ChangeClassifier): void {
    const key = event.document.uri.toString();
    let entry = this.documents.get(key);
    if (!entry) {
      entry = { regions: new FileRegions() };
      this.documents.set(key, entry);
    }
    applyDecisions(inMemoryTarget(entry.regions), key, classifier.classify(event), this.removed);
    if (entry.regions.size === 0) this.documents.delete(key);
  }

  closed(document: vscode.TextDocument, now = Date.now()): void {
    const entry = this.documents.get(document.uri.toString());
    if (entry) entry.closed = { text: document.getText(), at: now };
  }

  /**
   * The regions of the Untitled document whose whole text `change` writes
   * into a new file (Save As), moved to where the change puts them; the
   * Untitled document's entry is used up.
   */
  takeSavedAs(change: vscode.TextDocumentContentChangeEvent, now = Date.now()): AiRegion[] | undefined {
    if (change.text.length === 0) return undefined;
    const written = normalizeLineEnds(change.text);
    for (const [key, entry] of this.documents) {
      if (entry.closed && now - entry.closed.at > SAVE_AS_WAIT_MS) {
        this.documents.delete(key);
        continue;
      }
      const text = entry.closed?.text ?? vscode.workspace.textDocuments.find((document) => document.uri.toString() === key)?.getText();
      if (text === undefined || normalizeLineEnds(text) !== written) continue;
      this.documents.delete(key);
      const { line, character } = change.range.start;
      return entry.regions.all.map((region) => ({
        ...region,
        start: { line: region.start.line + line, character: region.start.line === 0 ? region.start.character + character : region.start.character },
        end: { line: region.end.line + line, character: region.end.line === 0 ? region.end.character + character : region.end.character },
      }));
    }
    return undefined;
  }
}
