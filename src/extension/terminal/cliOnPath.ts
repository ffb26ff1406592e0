// Puts the `ai-provenance` CLI on the PATH of integrated terminals, so agent
// hooks (`ai-provenance record --hook claude-code`), checkpoint wrappers and
// people find it without installing anything: a shim in the extension's
// global storage runs the CLI bundled with the extension, and the terminal
// environment collection prepends its folder to PATH.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { describeError, type Log } from '../log';
import { shimFiles } from './cliShim';

const SETTING_SECTION = 'aiProvenance.terminal';
const SETTING = 'addCliToPath';

export function registerCliOnPath(context: vscode.ExtensionContext, log: Log): vscode.Disposable {
  const collection = context.environmentVariableCollection;
  collection.description = 'Puts the `ai-provenance` command (the CLI bundled with AI Provenance) on PATH.';
  const binDir = join(context.globalStorageUri.fsPath, 'bin');

  const apply = () => {
    const wanted = vscode.workspace.getConfiguration(SETTING_SECTION).get<boolean>(SETTING, true);
    if (!wanted) {
      collection.clear();
      return;
    }
    try {
      writeShims(binDir, context);
      // Prepended, so this extension's CLI wins over an older global install.
      collection.prepend('PATH', `${binDir}${delimiter}`);
    } catch (error) {
      collection.clear();
      log.warn(`Could not put the ai-provenance CLI on the terminals' PATH (${binDir}): ${describeError(error)}`);
    }
  };

  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SETTING_SECTION}.${SETTING}`)) apply();
  });
}

/**
 * Checked at every activation: the extension's folder and the editor's
 * binary change with updates. A shim that already says the same is left
 * alone (one read instead of four writes on the usual start); a changed one
 * is renamed into place, so a terminal of another window running it
 * meanwhile never reads half a script.
 */
function writeShims(binDir: string, context: vscode.ExtensionContext): void {
  mkdirSync(binDir, { recursive: true });
  const target = {
    cliPath: join(context.extensionPath, 'dist', 'cli.js'),
    runtimePath: process.execPath,
    version: String(context.extension.packageJSON.version ?? ''),
  };
  for (const file of shimFiles(target, process.platform)) {
    const path = join(binDir, file.name);
    if (readIfExists(path) === file.content) continue;
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.content);
    chmodSync(temporary, 0o755);
    renameSync(temporary, path);
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
