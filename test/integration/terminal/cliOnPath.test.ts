// The `ai-provenance` command in integrated terminals: real terminals of the
// real editor get the extension's shim on PATH (through the terminal
// environment collection), and the shim runs the bundled CLI.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, waitFor } from '../support/extension';

const SETTING = 'terminal.addCliToPath';

/** Runs `script` in a new integrated terminal and returns what it wrote to its output file. */
async function runInTerminal(outputDir: string, name: string, script: string): Promise<string> {
  const output = join(outputDir, `${name}.txt`);
  const done = `${output}.done`;
  const terminal = vscode.window.createTerminal({
    name: `ai-provenance test: ${name}`,
    shellPath: '/bin/sh',
    shellArgs: ['-c', `{ ${script}; } > '${output}' 2>&1; touch '${done}'`],
  });
  try {
    await waitFor(`the terminal "${name}" to finish`, () => existsSync(done), 30_000);
    return readFileSync(output, 'utf8').trim();
  } finally {
    terminal.dispose();
  }
}

describe('terminal: the ai-provenance CLI on PATH', function () {
  let outputDir: string;
  let version: string;

  before(async function () {
    if (process.platform === 'win32') this.skip();
    await extensionApi();
    version = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version;
    outputDir = mkdtempSync(join(tmpdir(), 'ai-provenance-terminal-'));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('aiProvenance').update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    if (outputDir) rmSync(outputDir, { recursive: true, force: true });
  });

  it('a new integrated terminal finds ai-provenance, and it prints the extension version', async () => {
    const output = await runInTerminal(outputDir, 'version', 'command -v ai-provenance && ai-provenance --version');
    const [shim, printed] = output.split('\n');
    assert.match(shim ?? '', /\/bin\/ai-provenance$/, `command -v printed: ${output}`);
    assert.equal(printed, version);
  });

  it('the shim itself runs the bundled CLI, outside any terminal', async () => {
    const shim = (await runInTerminal(outputDir, 'locate', 'command -v ai-provenance')).split('\n')[0]!;
    const stdout = execFileSync(shim, ['--version'], { encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
    assert.equal(stdout.trim(), version);
    const usage = execFileSync(shim, ['status', '--help'], { encoding: 'utf8' });
    assert.match(usage, /^Usage: ai-provenance status/);
  });

  it(`with aiProvenance.${SETTING} off, new terminals no longer have it; on again, they do`, async () => {
    const configuration = vscode.workspace.getConfiguration('aiProvenance');
    await configuration.update(SETTING, false, vscode.ConfigurationTarget.Global);
    const off = await runInTerminal(outputDir, 'off', 'command -v ai-provenance || echo "not on PATH"');
    assert.equal(off, 'not on PATH');

    await configuration.update(SETTING, true, vscode.ConfigurationTarget.Global);
    const on = await runInTerminal(outputDir, 'on', 'ai-provenance --version');
    assert.equal(on, version);
  });
});
