import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BlastRadius } from '../../../src/core/index/blastRadius';
import type { RepositoryIndex } from '../../../src/extension/index/repositoryIndex';
import type { RepositoryContext } from '../../../src/extension/repositories/repositoryContext';
import { extensionApi, waitFor, workspaceRoot } from '../support/extension';

export function fixtureUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

export async function fixtureRepository(): Promise<RepositoryContext> {
  const repository = await (await extensionApi()).registry.resolve(fixtureUri('src/payments/ledger.ts'));
  assert.ok(repository, 'the fixture workspace is a tracked repository');
  return repository;
}

/** The fixture repository's index, once it exists (an open editor or a question starts it). */
export async function fixtureIndex(): Promise<RepositoryIndex> {
  const api = await extensionApi();
  const repository = await fixtureRepository();
  return waitFor("the fixture repository's index", () => api.index.all().find((index) => index.root === repository.root));
}

/** Asks the index as the views do until it answers with a blast radius (the first answers are 'pending'). */
export async function blastRadiusOf(
  path: string,
  firstLine: number,
  lastLine: number,
  until: (radius: BlastRadius) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<BlastRadius> {
  const api = await extensionApi();
  const repository = await fixtureRepository();
  let last: unknown;
  try {
    return await waitFor(
      `the blast radius of ${path}:${firstLine}-${lastLine}`,
      () => {
        const lookup = api.index.blastRadiusOf(repository, path, firstLine, lastLine);
        last = lookup;
        return typeof lookup === 'object' && until(lookup) ? lookup : undefined;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last answer: ${JSON.stringify(dependentsOf(last))}`, { cause: error });
  }
}

/** [path, depth] of each dependent, sorted by depth then path. */
export function dependentsOf(radius: unknown): Array<[string, number]> | unknown {
  if (typeof radius !== 'object' || radius === null) return radius;
  return (radius as BlastRadius).dependents.map((d): [string, number] => [d.path, d.depth]).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

export { setting, withoutCapture } from '../support/settings';
