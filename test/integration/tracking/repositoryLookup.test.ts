import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, workspaceRoot } from '../support/extension';

describe('repository lookup in the editor', () => {
  it('asks git about a new directory once, however many of its files arrive at the same time', async () => {
    const registry = (await extensionApi()).registry;
    const directory = join(workspaceRoot().fsPath, 'burst', `agent-${Date.now()}`);
    mkdirSync(directory, { recursive: true });
    const files = Array.from({ length: 25 }, (_, i) => join(directory, `file${i}.ts`));
    for (const file of files) writeFileSync(file, `export const value = ${files.indexOf(file)};\n`);
    // Counts the registry's own lookups (each one runs `git rev-parse`), leaving them to run as they do.
    const lookups = registry as unknown as { locate(directory: string): Promise<unknown> };
    const locate = lookups.locate.bind(registry);
    const asked: string[] = [];
    lookups.locate = (where: string) => {
      asked.push(where);
      return locate(where);
    };
    try {
      const found = await Promise.all(files.map((file) => registry.resolve(vscode.Uri.file(file))));
      assert.ok(
        found.every((repository) => repository && repository === found[0]),
        'every file is in the workspace repository',
      );
      assert.deepEqual(asked, [directory]);
    } finally {
      delete (lookups as { locate?: unknown }).locate;
      rmSync(join(workspaceRoot().fsPath, 'burst'), { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
