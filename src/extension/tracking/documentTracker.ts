import * as vscode from 'vscode';
import { createRegion } from '../../core/regions';
import { describeError, type Log } from '../log';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { ChangeClassifier } from './classifiedChange';

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
  /** Events that arrived before the document's repository was known. */
  private readonly waiting = new Map<string, vscode.TextDocumentChangeEvent[]>();

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly classifier: () => ChangeClassifier,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.reconcile(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onDidChange(event)),
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
    if (event.contentChanges.length === 0 || !isTrackable(event.document)) return;
    const key = event.document.uri.toString();
    const queued = this.waiting.get(key);
    if (queued) {
      queued.push(event);
      return;
    }
    const repository = this.registry.lookup(event.document.uri);
    if (repository) {
      this.apply(event);
      return;
    }
    // The repository is being looked up: keep the edits in order until it is known.
    this.waiting.set(key, [event]);
    this.registry.resolve(event.document.uri).then(
      () => this.drain(key),
      (error) => {
        this.waiting.delete(key);
        this.log.warn(`Cannot track ${event.document.uri.fsPath}: ${describeError(error)}`);
      },
    );
  }

  private drain(key: string): void {
    const events = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const event of events) this.apply(event);
  }

  private apply(event: vscode.TextDocumentChangeEvent): void {
    const repository = this.registry.lookup(event.document.uri);
    const path = repository?.pathOf(event.document.uri);
    if (!repository || path === undefined) return;
    const { store } = repository;
    let changed = false;
    // One change at a time: each is expressed against the text the previous left.
    for (const classified of this.classifier().classify(event)) {
      if (store.applyEdits(path, [classified.change], classified.attribution)) changed = true;
      if (classified.ai) {
        const region = createRegion(classified.ai, classified.change.start, classified.change.text);
        if (region) {
          store.add(path, region);
          changed = true;
        }
      }
    }
    if (changed) store.scheduleSync();
  }

  private reconcile(document: vscode.TextDocument): void {
    if (!isTrackable(document)) return;
    void this.registry.resolve(document.uri).then((repository) => {
      const path = repository?.pathOf(document.uri);
      if (!repository || path === undefined || !repository.store.hasRegions(path)) return;
      // Edits may have been queued meanwhile; those already describe this text.
      if (this.waiting.has(document.uri.toString())) return;
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
