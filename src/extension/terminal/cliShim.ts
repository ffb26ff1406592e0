// The `ai-provenance` command put on the PATH of integrated terminals: a
// small script that runs the CLI bundled with the extension. Pure (no
// `vscode`): the text of the scripts only.
import { shellQuote } from '../../core/git';

export interface ShimTarget {
  /** The bundled CLI, dist/cli.js of the installed extension. */
  readonly cliPath: string;
  /**
   * The binary running the extension host: Node in a remote or code-server,
   * the editor's Electron binary on the desktop (Node when ELECTRON_RUN_AS_NODE=1).
   * Always a Node the CLI supports, unlike whatever `node` the PATH holds.
   */
  readonly runtimePath: string;
  readonly version: string;
}

export interface ShimFile {
  readonly name: string;
  readonly content: string;
}

const SH_NAME = 'ai-provenance';
const CMD_NAME = 'ai-provenance.cmd';

/** The shim files for a platform: a POSIX shell script, plus a .cmd on Windows (Git Bash uses the former). */
export function shimFiles(target: ShimTarget, platform: NodeJS.Platform): ShimFile[] {
  const files = [{ name: SH_NAME, content: shScript(target) }];
  if (platform === 'win32') files.push({ name: CMD_NAME, content: cmdScript(target) });
  return files;
}

/**
 * Falls back to `node` when the recorded runtime is gone (the editor was
 * updated since the shim was written; the next activation rewrites it).
 */
function shScript({ cliPath, runtimePath, version }: ShimTarget): string {
  const slashes = (path: string) => path.replace(/\\/g, '/');
  return [
    '#!/bin/sh',
    `# ai-provenance: written by the AI Provenance extension ${version} so that integrated`,
    '# terminals, and the agents and hooks they run, find its CLI. Rewritten at every',
    '# activation; the extension takes this folder off PATH when it is removed.',
    `aip_cli=${shellQuote(slashes(cliPath))}`,
    `aip_runtime=${shellQuote(slashes(runtimePath))}`,
    'if [ -x "$aip_runtime" ]; then',
    '  ELECTRON_RUN_AS_NODE=1 exec "$aip_runtime" "$aip_cli" "$@"',
    'fi',
    'exec node "$aip_cli" "$@"',
    '',
  ].join('\n');
}

function cmdScript({ cliPath, runtimePath, version }: ShimTarget): string {
  // %% is a literal % in a batch file; Windows paths cannot hold a double quote.
  const escape = (path: string) => path.replace(/%/g, '%%');
  return [
    '@echo off',
    `rem ai-provenance: written by the AI Provenance extension ${version}; see the ai-provenance script next to this file.`,
    'setlocal',
    `if exist "${escape(runtimePath)}" (`,
    '  set ELECTRON_RUN_AS_NODE=1',
    `  "${escape(runtimePath)}" "${escape(cliPath)}" %*`,
    ') else (',
    `  node "${escape(cliPath)}" %*`,
    ')',
    'exit /b %ERRORLEVEL%',
    '',
  ].join('\r\n');
}
