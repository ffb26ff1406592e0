import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/atomicFile';

/** What `hook install` did, so `hook uninstall` can undo exactly that. */
export interface HooksManifest {
  readonly format: 'ai-provenance/hooks';
  readonly version: 1;
  readonly hooksDir: string;
  readonly installedAt: string;
  /** Hook name -> sha256 of the wrapper we wrote (a changed wrapper is left alone). */
  readonly wrappers: Readonly<Record<string, string>>;
  /** We added refs/notes/ai-provenance to notes.rewriteRef (and remove it on uninstall). */
  readonly addedRewriteRef: boolean;
  readonly nodeFallback: string;
}

export function manifestPath(storeDir: string): string {
  return join(storeDir, 'hooks.json');
}

export function readManifest(storeDir: string): HooksManifest | undefined {
  try {
    const value = JSON.parse(readFileSync(manifestPath(storeDir), 'utf8')) as HooksManifest;
    return value.format === 'ai-provenance/hooks' && typeof value.hooksDir === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(storeDir: string, manifest: HooksManifest): Promise<void> {
  await writeFileAtomic(manifestPath(storeDir), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function removeManifest(storeDir: string): void {
  rmSync(manifestPath(storeDir), { force: true });
}
