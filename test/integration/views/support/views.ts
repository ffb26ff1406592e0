import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationSnapshot } from '../../../../src/extension/editor/regionDecorations';
import { extensionApi, openEditor, select, waitFor, workspaceRoot } from '../../support/extension';
import { FixtureIndex } from './fixtureIndex';

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

export { setting, withoutCapture } from '../../support/settings';

export interface FixtureIndexInUse {
  /** The current test's index. */
  readonly index: FixtureIndex;
  /** Hands the views back to the extension's own workspace index. */
  stopUsing(): void;
}

/**
 * Each test of the suite starts from no regions, with a FixtureIndex (known
 * answers for the fixture workspace) in place of the workspace index: ready
 * at once, or, with `ready: false`, "indexing" until the test finishes it.
 * Register it before the suite's own afterEach, which then runs after it.
 */
export function useFixtureIndex(options: { readonly ready: boolean }): FixtureIndexInUse {
  let index: FixtureIndex | undefined;
  let inUse: vscode.Disposable | undefined;
  beforeEach(async () => {
    await forgetAllRegions();
    index = new FixtureIndex();
    if (options.ready) index.finish();
    inUse = (await extensionApi()).views.useBlastRadiusSource(index);
  });
  afterEach(() => {
    inUse?.dispose();
    index?.dispose();
  });
  return {
    get index() {
      assert.ok(index, 'useFixtureIndex: no test is running');
      return index;
    },
    stopUsing: () => inUse?.dispose(),
  };
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
