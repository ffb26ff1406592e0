#!/usr/bin/env node
// Everything `npm start` and `npm test` need, installed when missing and reused
// when present: the Debian packages (scripts/setup/debianPackages.mjs), the
// project's npm packages (npm ci) and the editor (code-server + Node 24, cached
// outside the repository by scripts/editor/install.mjs). Uses nothing but Node's
// own modules, so it runs in a fresh clone before node_modules exists.
//
//   node scripts/setup/main.mjs start|test     (npm start and npm test run it first)
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explainFailure, installEditor } from '../editor/install.mjs';
import { installedEditor } from '../editor/paths.mjs';
import { packagesFor } from './debianPackages.mjs';
import { npmPackagesOutdated, ensureNpmPackages } from './npmPackages.mjs';
import { SetupError, ensureDebianPackages } from './systemPackages.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MINIMUM_NODE_MAJOR = 20;
const log = (message) => console.log(`[setup] ${message}`);

export async function setUp(purpose) {
  const started = Date.now();
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < MINIMUM_NODE_MAJOR)
    throw new SetupError(`Node ${process.version} is too old: this project needs Node ${MINIMUM_NODE_MAJOR} or newer.`);

  const editorReady = Boolean(installedEditor());
  const installed = ensureDebianPackages(packagesFor(editorReady ? [purpose] : [purpose, 'editorBuild']), { log });
  const npmReason = ensureNpmPackages(repoRoot, { log });
  if (npmReason && npmPackagesOutdated(repoRoot)) throw new SetupError('npm ci finished but node_modules still differs from package-lock.json');
  if (!editorReady) await installEditor();

  const fresh = [installed.length > 0 && 'Debian packages', npmReason && 'npm packages', !editorReady && 'editor'].filter(Boolean);
  const note = fresh.length > 0 ? `installed ${fresh.join(', ')}` : 'everything was already installed';
  log(`ready for npm ${purpose} in ${((Date.now() - started) / 1000).toFixed(1)} s (${note})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const purpose = process.argv[2];
  if (purpose !== 'start' && purpose !== 'test') {
    console.error('usage: node scripts/setup/main.mjs start|test');
    process.exit(2);
  }
  setUp(purpose).catch((error) => {
    if (error instanceof SetupError) console.error(`[setup] ${error.message}`);
    else explainFailure(error);
    process.exitCode = 1;
  });
}
