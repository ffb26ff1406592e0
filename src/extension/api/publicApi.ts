import * as vscode from 'vscode';
import { aiLines, type AiRegion } from '../../core/regions';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { AiProvenanceApiV1, AiProvenanceExtension, AiRegionV1 } from './aiProvenance';

/**
 * What `activate` hands to other extensions: versioned, and narrow on
 * purpose (regions in, nothing of the extension's internals out), so the
 * internals can change without breaking anyone. Typed by aiProvenance.d.ts,
 * the file consumers copy.
 */
export function publicApi(registry: RepositoryRegistry): AiProvenanceExtension {
  const v1 = createV1(registry);
  return { getApi: (version: number) => (version === 1 ? v1 : undefined) };
}

function createV1(registry: RepositoryRegistry): AiProvenanceApiV1 {
  const onDidChangeRegions: vscode.Event<readonly vscode.Uri[]> = (listener, thisArg, disposables) =>
    registry.onDidChangeRegions(
      (change) =>
        listener.call(
          thisArg,
          change.paths.map((path) => change.repository.uriOf(path)),
        ),
      undefined,
      disposables,
    );
  return {
    version: 1,
    async regionsOf(uri) {
      const repository = await registry.resolve(uri);
      const path = repository?.pathOf(uri);
      return repository && path !== undefined ? repository.store.regions(path).map(toRegionV1) : [];
    },
    onDidChangeRegions,
  };
}

function toRegionV1(region: AiRegion): AiRegionV1 {
  return {
    range: new vscode.Range(region.start.line, region.start.character, region.end.line, region.end.character),
    source: region.source,
    ...(region.tool !== undefined ? { tool: region.tool } : {}),
    ...(region.model !== undefined ? { model: region.model } : {}),
    confidence: region.confidence,
    aiLines: aiLines(region),
    ...(region.reviewed ? { reviewed: { by: region.reviewed.by, at: new Date(region.reviewed.at) } } : {}),
  };
}
