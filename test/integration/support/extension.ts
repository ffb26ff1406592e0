import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { AiRegion } from '../../../src/core/regions/region';
import type { ActivationResult, TestingApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'ai-provenance.ai-provenance';

/** The running extension's API (activating it if needed). */
/** The running extension's internals (activating it if needed): it hands them out in test mode only. */
export async function extensionApi(): Promise<TestingApi> {
  const exports = await activatedExtension();
  assert.ok(exports.testing, `${EXTENSION_ID} runs outside test mode: it hands out no test hooks`);
  return exports.testing;
}

/** What the running extension hands to everyone (activating it if needed). */
export async function activatedExtension(): Promise<ActivationResult> {
  const extension = vscode.extensions.getExtension<ActivationResult>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.isActive ? extension.exports : await extension.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** Writes a file into the test workspace (each test uses its own files). */
export function writeWorkspaceFile(relativePath: string, text: string): vscode.Uri {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  mkdirSync(dirname(uri.fsPath), { recursive: true });
  writeFileSync(uri.fsPath, text);
  return uri;
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Polls until `condition` returns a truthy value, or fails with `what`. */
export async function waitFor<T>(
  what: string,
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The tracked regions of a file, as the extension holds them now. */
export async function regionsOf(uri: vscode.Uri): Promise<readonly AiRegion[]> {
  const api = await extensionApi();
  const repository = await api.registry.resolve(uri);
  const path = repository?.pathOf(uri);
  assert.ok(repository && path !== undefined, `${uri.fsPath} is not tracked`);
  return repository.store.regions(path);
}

/** Regions as [first line, last line, human-modified 0-based lines] for compact assertions. */
export function spans(regions: readonly AiRegion[]): Array<[number, number, number[]]> {
  return regions.map((region) => [
    region.start.line,
    region.end.line,
    region.lines.flatMap((line, index) => (line.human ? [region.start.line + index] : [])),
  ]);
}

export function select(editor: vscode.TextEditor, startLine: number, endLine: number): void {
  const end = editor.document.lineAt(endLine).range.end;
  editor.selection = new vscode.Selection(new vscode.Position(startLine, 0), end);
}
