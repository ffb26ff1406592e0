import * as vscode from 'vscode';

/** Sets (or, with undefined, resets) an `aiProvenance.*` setting of the test workspace. */
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
