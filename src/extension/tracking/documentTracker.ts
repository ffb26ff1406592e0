import * as vscode from 'vscode';
import { applyDecisions, RemovedAuthorship } from '../../core/capture';
import type { AiRegion } from '../../core/regions';
import { UntitledDocuments } from './untitledDocuments';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { ChangeClassifier, ClassifiedChange } from './classifiedChange';

interface QueuedEdit {
  readonly event: vscode.TextDocumentChangeEvent;
  readonly decisions: readonly ClassifiedChange[];
  /** The document's version after the edit (each edit adds one). */
  readonly version: number;
}

/** Documents worth tracking: files on disk (not output panes, diffs or settings UIs). */
export function isTrackable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file';
}

/**
 * Keeps the regions of every open document in step with its edits. This is
 * on the typing path: it does a map lookup and, for files with regions, a
 * small amount of arithmetic; classification of AI changes is delegated.
 */
export class DocumentTracker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** AI text edits took out of documents, for the edits that put it back (undo, redo, cut and paste, moves). */
  private readonly removed = new RemovedAuthorship();
  /** Regions of Untitled documents, until Save As writes them to a file. */
  private readonly untitled = new UntitledDocuments(this.removed);
  /**
   * Edits that arrived before the document's repository was known, judged
   * when they arrived (who made an edit depends on the moment: the cursor,
   * the focused editor, an accept in progress), applied once it is known.
   */
  private readonly waiting = new Map<string, QueuedEdit[]>();

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly classifier: () => ChangeClassifier,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.reconcile(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onDidChange(event)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === 'untitled') this.untitled.closed(document);
      }),
      vscode.workspace.onDidRenameFiles((event) => this.onDidRename(event)),
      registry.onDidOpenRepository((repository) => {
        for (const document of vscode.workspace.textDocuments) {
          if (repository.pathOf(document.uri) !== undefined) this.reconcile(document);
        }
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.reconcile(document);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private onDidChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    if (event.document.uri.scheme === 'untitled') {
      this.untitled.apply(event, this.classifier());
      return;
    }
    if (!isTrackable(event.document)) return;
    if (!this.untitled.isEmpty && event.contentChanges.length === 1 && this.savedAs(event)) return;
    const key = event.document.uri.toString();
    const queued = this.waiting.get(key);
    if (queued) {
      queued.push(this.judged(event));
      return;
    }
    const repository = this.registry.lookup(event.document.uri);
    if (repository) {
      this.apply(event, this.classifier().classify(event));
      return;
    }
    // The repository is being looked up: keep the edits in order until it is known.
    this.waiting.set(key, [this.judged(event)]);
    this.registry.resolve(event.document.uri).then(
      () => this.drain(key),
      (error) => {
        this.waiting.delete(key);
        this.log.warn(`Cannot track ${event.document.uri.fsPath}: ${describeError(error)}`);
      },
    );
  }

  /** Save As of an Untitled document with regions: the new file gets them, nothing else is captured. */
  private savedAs(event: vscode.TextDocumentChangeEvent): boolean {
    const regions = this.untitled.takeSavedAs(event.contentChanges[0]);
    if (!regions) return false;
    void this.registry.resolve(event.document.uri).then((repository) => {
      const path = repository?.pathOf(event.document.uri);
      if (!repository || path === undefined) return;
      for (const region of regions) repository.store.add(path, region);
      repository.store.noteContent(path, event.document.getText());
      repository.store.scheduleSync();
      this.log.info(`${path}: ${regions.length} region(s) kept from the Untitled document saved as it`);
    });
    return true;
  }

  private drain(key: string): void {
    const events = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const { event, decisions } of events) this.apply(event, decisions);
  }

  private judged(event: vscode.TextDocumentChangeEvent): QueuedEdit {
    return { event, decisions: this.classifier().classify(event), version: event.document.version };
  }

  private apply(event: vscode.TextDocumentChangeEvent, decisions: readonly ClassifiedChange[]): void {
    const repository = this.registry.lookup(event.document.uri);
    const path = repository?.pathOf(event.document.uri);
    if (!repository || path === undefined) return;
    const { store } = repository;
    const reloaded = decisions.some((decision) => decision.putsBack === 'reload');
    const removedByReload = reloaded
      ? (regions: AiRegion[]) => {
          repository.roundTrips
            .remember(path, regions)
            .catch((error: unknown) => this.log.warn(`Could not keep the AI regions a reload removed from ${path}: ${describeError(error)}`));
        }
      : undefined;
    if (applyDecisions(store, path, decisions, this.removed, removedByReload)) {
      // A capture is written at once (a commit may follow it right away); only typing-path moves wait for the debounce.
      if (decisions.some((decision) => decision.ai)) void repository.saveNow();
      else store.scheduleSync();
    }
    if (reloaded) this.restoreAfterReload(repository, path, event.document);
  }

  /**
   * A reload from disk (git checked out, reset, pulled, popped a stash; a
   * program rewrote the file): AI text that came back gets its marks back
   * from what git removed before and from the provenance notes, unless the
   * document changed again meanwhile.
   */
  private restoreAfterReload(repository: RepositoryContext, path: string, document: vscode.TextDocument): void {
    const { version } = document;
    const { store } = repository;
    repository.roundTrips
      .restore(path, document.getText(), () => document.version === version)
      .then((restored) => {
        if (restored === 0) return;
        this.log.info(`${path}: ${restored} AI region(s) back after the file was reloaded from disk`);
        store.scheduleSync();
      })
      .catch((error: unknown) => this.log.warn(`Could not bring back the AI regions of ${path}: ${describeError(error)}`));
  }

  private reconcile(document: vscode.TextDocument): void {
    if (!isTrackable(document)) return;
    // The text as it is now: edits may arrive (and wait) before the repository is known.
    const opened = { text: document.getText(), version: document.version };
    void this.registry.resolve(document.uri).then((repository) => {
      const path = repository?.pathOf(document.uri);
      if (!repository || path === undefined || !repository.store.hasRegions(path)) return;
      const [first] = this.waiting.get(document.uri.toString()) ?? [];
      if (first) {
        // Edits are waiting: re-align the regions with the text they were made to (the file may have changed
        // while it was closed), and the edits, applied next, move them on from there.
        if (first.version - 1 !== opened.version) return;
        const { moved, dropped } = repository.store.reconcile(path, opened.text);
        if (moved + dropped > 0) repository.store.scheduleSync();
        return;
      }
      const { moved, dropped } = repository.store.reconcile(path, document.getText());
      if (moved + dropped > 0) {
        this.log.info(`${path} changed while it was closed: ${moved} region(s) re-anchored, ${dropped} no longer found`);
        repository.store.scheduleSync();
      }
    });
  }

  private onDidRename(event: vscode.FileRenameEvent): void {
    for (const { oldUri, newUri } of event.files) {
      const repository = this.registry.lookup(oldUri) ?? this.registry.lookup(newUri);
      const oldPath = repository?.pathOf(oldUri);
      const newPath = repository?.pathOf(newUri);
      if (repository && oldPath !== undefined && newPath !== undefined && repository.store.renameFile(oldPath, newPath)) {
        repository.store.scheduleSync();
      }
    }
  }
}
