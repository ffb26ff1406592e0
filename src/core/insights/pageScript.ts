import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ancestors, firstExisting } from '../index/locator';

export const PAGE_SCRIPT_FILE = 'insightsPage.js';

/** The bundled page script: next to the CLI bundle in dist/, or dist/ of the project for compiled tests. */
export function locatePageScript(): string {
  return firstExisting(
    ancestors(__dirname).flatMap((dir) => [join(dir, PAGE_SCRIPT_FILE), join(dir, 'dist', PAGE_SCRIPT_FILE)]),
    `${PAGE_SCRIPT_FILE} (the Insights page script, built by npm run build next to cli.js)`,
  );
}

export async function readPageScript(): Promise<string> {
  return readFile(locatePageScript(), 'utf8');
}
