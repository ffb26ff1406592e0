import type * as vscode from 'vscode';
import { commandLink, type RegionHoverLinks } from '../../core/views';
import type { RepositoryContext } from '../repositories/repositoryContext';

/** Commands that hovers and tooltips may run from their links (and nothing else). */
export const LINK_COMMANDS = [
  'aiProvenance.openFile',
  'aiProvenance.markReviewed',
  'aiProvenance.markUnreviewed',
  'aiProvenance.unmarkSelection',
  'aiProvenance.showRegionsView',
] as const;

/** A link that opens a repo-relative file of `repository`. */
export function openFileLink(repository: RepositoryContext, path: string): string {
  return commandLink('aiProvenance.openFile', repository.uriOf(path).toString());
}

/** The links of a region's hover; the region commands take `{ uri, regionId }`. */
export function regionLinks(repository: RepositoryContext, uri: vscode.Uri, regionId: string): RegionHoverLinks {
  const reference = { uri: uri.toString(), regionId };
  return {
    openFile: (path) => openFileLink(repository, path),
    markReviewed: commandLink('aiProvenance.markReviewed', reference),
    markUnreviewed: commandLink('aiProvenance.markUnreviewed', reference),
    unmark: commandLink('aiProvenance.unmarkSelection', reference),
  };
}
