// Helpers that drive the real editor the way a person (or a tool) would, and
// read back what the extension marked. Shared by the capture tests and the
// replay benchmark.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { aiLines, type AiRegion } from '../../../../src/core/regions/region';
import type { ActivationResult, TestingApi } from '../../../../src/extension/extension';

export const extensionId = 'ai-provenance.ai-provenance';

/** The extension's internals (it hands them out in test mode only). */
export async function activeApi(): Promise<TestingApi> {
  const extension = vscode.extensions.getExtension<ActivationResult>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  const { testing } = await extension.activate();
  assert.ok(testing, `${extensionId} runs outside test mode: it hands out no test hooks`);
  return testing;
}

/** Writes what the editor holds to every store on disk (where the commit hooks and the CLI read it); the stores stay open. */
export async function saveAllStores(): Promise<void> {
  for (const repository of (await activeApi()).registry.all()) await repository.store.sync();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri.fsPath;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value other than undefined (the editor is asynchronous, and slow under load). */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(50);
  }
}

export function git(...args: string[]): string {
  return gitWith({}, args);
}

function gitWith(env: NodeJS.ProcessEnv, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd: workspaceRoot(),
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    // The workspace's own identity (git config), as a person's commits have: restores from the notes count one's own commits only.
    env: { ...process.env, ...env },
  });
}

/**
 * Creates `branch` from `base` (HEAD) with `relativePath` holding `text`, without
 * touching the work tree or the index (a temporary index builds the tree),
 * so that only a later checkout writes the file.
 */
export function commitOnNewBranch(branch: string, relativePath: string, text: string, base = 'HEAD'): void {
  const index = { GIT_INDEX_FILE: join(workspaceRoot(), '.git', `capture-${branch}.index`) };
  const blob = gitWith({}, ['hash-object', '-w', '--stdin'], text).trim();
  gitWith(index, ['read-tree', base]);
  gitWith(index, ['update-index', '--add', '--cacheinfo', `100644,${blob},${relativePath}`]);
  const tree = gitWith(index, ['write-tree']).trim();
  const commit = gitWith({}, ['commit-tree', tree, '-p', base, '-m', `${relativePath} on ${branch}`]).trim();
  gitWith({}, ['branch', branch, commit]);
}

/** Writes a file of the workspace on disk (as a person's tool would) and returns its URI. */
export function writeWorkspaceFile(relativePath: string, text: string): vscode.Uri {
  const absolute = join(workspaceRoot(), ...relativePath.split('/'));
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  return vscode.Uri.file(absolute);
}

/** A new committed file, opened in the active editor. */
export async function openNewFile(relativePath: string, text: string): Promise<vscode.TextEditor> {
  const uri = writeWorkspaceFile(relativePath, text);
  git('add', relativePath);
  git('commit', '-q', '-m', `add ${relativePath}`);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await repositoryOf(uri);
  return editor;
}

async function repositoryOf(uri: vscode.Uri) {
  const api = await activeApi();
  const repository = await api.registry.resolve(uri);
  assert.ok(repository, `no repository for ${uri.fsPath}`);
  return repository;
}

export async function regionsOf(uri: vscode.Uri): Promise<readonly AiRegion[]> {
  const repository = await repositoryOf(uri);
  return repository.store.regions(repository.pathOf(uri)!);
}

/** 1-based numbers of the lines the extension marks as AI-written, with each one's source. */
export async function markedLines(uri: vscode.Uri): Promise<Map<number, string>> {
  const marked = new Map<number, string>();
  for (const region of await regionsOf(uri)) for (const line of aiLines(region)) marked.set(line + 1, region.source);
  return marked;
}

export async function markedLineNumbers(uri: vscode.Uri): Promise<number[]> {
  return [...(await markedLines(uri)).keys()].sort((a, b) => a - b);
}

/** Waits until the marked lines are exactly `expected` (1-based), then checks they stay so. */
export async function expectMarked(uri: vscode.Uri, expected: number[], what: string): Promise<void> {
  await waitFor(`${what}: marked lines ${JSON.stringify(expected)}`, async () => {
    const actual = await markedLineNumbers(uri);
    return JSON.stringify(actual) === JSON.stringify(expected) ? true : undefined;
  }).catch(async (error) => {
    throw new Error(`${(error as Error).message}; marked: ${JSON.stringify(await markedLineNumbers(uri))}`);
  });
}

/** Types text one character at a time through the editor's `type` command (auto-closing pairs and all). */
export async function typeText(text: string): Promise<void> {
  for (const character of text) await vscode.commands.executeCommand('type', { text: character });
}

export function moveCursor(editor: vscode.TextEditor, line: number, character: number): void {
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
}

/** Saves and closes every editor: unlike a revert, no change event rewrites what the documents hold. */
export async function saveAndCloseAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
