import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';

/**
 * The registry's context (and region store) of a repository given by its
 * root. The registry finds repositories from documents, by their folder: a
 * name directly inside the root (which need not exist) stands for it.
 */
export function repositoryAt(registry: RepositoryRegistry, root: string): Promise<RepositoryContext | undefined> {
  return registry.resolve(vscode.Uri.file(join(root, '.ai-provenance-root')));
}
