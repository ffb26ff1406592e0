import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type * as vscode from 'vscode';
import { type RegionStore, STORE_FILE_NAME } from '../../core/store';
import { describeError, type Log } from '../log';

/**
 * Picks up regions written by other processes (the CLI, agent hooks, other
 * windows) without a reload: the store file is replaced by a rename on every
 * write, which fs.watch reports on its directory.
 */
export async function watchStore(store: RegionStore, log: Log): Promise<vscode.Disposable> {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await mkdir(store.storeDir, { recursive: true });
    watcher = watch(store.storeDir, { persistent: false }, (_event, name) => {
      if (name !== null && name !== STORE_FILE_NAME) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        store.sync().catch((error) => log.warn(`Could not read regions from ${store.storeDir}: ${describeError(error)}`));
      }, 100);
    });
    watcher.on('error', (error) => log.warn(`Stopped watching ${store.storeDir}: ${describeError(error)}`));
  } catch (error) {
    log.warn(`Cannot watch ${store.storeDir} for regions recorded elsewhere: ${describeError(error)}`);
  }
  return {
    dispose() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
