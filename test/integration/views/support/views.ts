import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationSnapshot } from '../../../../src/extension/views/regionDecorations';
import { extensionApi, openEditor, regionsOf, select, waitFor, workspaceRoot } from '../../support/extension';

export function fixtureUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

/** Opens a fixture file and marks lines first..last (0-based, inclusive) as AI. */
export async function markAi(path: string, first: number, last: number): Promise<vscode.TextEditor> {
  const editor = await openEditor(fixtureUri(path));
  select(editor, first, last);
  await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
  return editor;
}

/** The tests mark fixture files again and again: each starts from no regions. */
export async function forgetAllRegions(): Promise<void> {
  const api = await extensionApi();
  for (const repository of api.registry.all()) {
    for (const path of repository.store.files()) repository.store.clearFile(path);
    await repository.store.sync();
  }
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('aiProvenance').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Tests write and edit files the way agents do: keep automatic capture out of
 * the way so that only what the test marks is AI.
 */
export function withoutCapture(): void {
  const keys = ['capture.diskWatcher', 'capture.editorEdits'];
  before(async () => {
    for (const key of keys) await setting(key, false);
  });
  after(async () => {
    for (const key of keys) await setting(key, undefined);
  });
}

/** Waits until the decorations painted for `uri` satisfy `check` (returning a message while they do not). */
export async function decorationsWhere(uri: vscode.Uri, what: string, check: (snapshot: DecorationSnapshot) => boolean): Promise<DecorationSnapshot> {
  const api = await extensionApi();
  return waitFor(`decorations: ${what}`, () => {
    const snapshot = api.views.decorations(uri);
    return snapshot && check(snapshot) ? snapshot : undefined;
  });
}

/** The annotations painted for `uri`, as [line, text, kind]. */
export function annotations(snapshot: DecorationSnapshot): Array<[number, string, string]> {
  return snapshot.plan.annotations.map((annotation) => [annotation.line, annotation.text, annotation.kind]);
}

export async function regionIdAt(uri: vscode.Uri, line: number): Promise<string> {
  const region = (await regionsOf(uri)).find((candidate) => candidate.start.line <= line && line <= candidate.end.line);
  assert.ok(region, `no region at line ${line} of ${uri.fsPath}`);
  return region.id;
}
