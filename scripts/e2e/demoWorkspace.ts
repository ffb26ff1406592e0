// The demo workspace of `npm start` and the end-to-end test: a fresh copy of
// demo/workspace/ (a small order service with payments, auth, migrations and
// Terraform next to ordinary code) made a git repository with a history of
// several commits with AI provenance notes (demoHistory.ts) and AI Provenance's
// commit hooks, so commits get trailers. Its
// node_modules holds @types/node, copied from this repository's, as if
// `npm install` had run: the editor then shows the demo's TypeScript as a
// developer would see it, without errors about Node's modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../test/host/repoRoot';
import { commitDemoHistory } from './demoHistory';

export const demoTemplateDir = join(repoRoot, 'demo', 'workspace');

/** The demo's devDependencies (and theirs), from this repository's node_modules. */
const INSTALLED_PACKAGES = ['@types/node', 'undici-types'];

/** Left in .git of every demo copy: only such a folder is ever replaced. */
const MARKER = 'ai-provenance-demo';

export interface DemoWorkspaceOptions {
  /** The CLI bundle whose `hook install` sets up the commit hooks (dist/cli.js). */
  cliPath: string;
}

/**
 * Makes `path` a fresh demo workspace. A folder already there is replaced
 * only when it is an earlier demo copy; anything else is an error.
 */
export function createDemoWorkspace(path: string, options: DemoWorkspaceOptions): void {
  if (existsSync(path)) {
    const isEarlierDemo = existsSync(join(path, '.git', MARKER));
    if (!isEarlierDemo && readdirSync(path).length > 0) {
      throw new Error(`${path} exists and is not a demo workspace made by this script; move it away or choose another folder.`);
    }
    rmSync(path, { recursive: true, force: true });
  }
  cpSync(demoTemplateDir, path, { recursive: true });
  for (const name of INSTALLED_PACKAGES) cpSync(join(repoRoot, 'node_modules', name), join(path, 'node_modules', name), { recursive: true });
  const git = gitIn(path);
  try {
    git(['init', '--quiet', '--initial-branch=main']);
    writeFileSync(join(path, '.git', MARKER), 'Made by scripts/e2e/demoWorkspace.ts; replaced by the next `npm start`.\n');
    // The hooks go to .git/hooks even when the user's global config points core.hooksPath elsewhere.
    git(['config', 'core.hooksPath', '.git/hooks']);
    git(['config', 'commit.gpgsign', 'false']);
    // Trailers get AI-Blast-Radius from the index the editor keeps; off by default (slow on large repositories).
    git(['config', 'aiProvenance.hookBlastRadius', 'true']);
    commitDemoHistory(path, git, options.cliPath);
    if (!hasIdentity(git)) {
      // Commits made in the demo (Source Control view, terminal) need an author.
      git(['config', 'user.name', 'Demo Developer']);
      git(['config', 'user.email', 'demo@example.com']);
    }
  } catch (error) {
    throw new Error(`could not make ${path} a git repository (is git installed?): ${processError(error)}`, { cause: error });
  }
  installHooks(path, options.cliPath);
}

type Git = (args: string[], env?: NodeJS.ProcessEnv) => string;

function gitIn(cwd: string): Git {
  return (args, env) => execFileSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });
}

function hasIdentity(git: Git): boolean {
  try {
    return git(['config', 'user.email']).trim() !== '' && git(['config', 'user.name']).trim() !== '';
  } catch {
    return false; // git config exits 1 when the key is not set
  }
}

function installHooks(path: string, cliPath: string): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first.`);
  try {
    execFileSync(process.execPath, [cliPath, 'hook', 'install'], { cwd: path, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    throw new Error(`\`ai-provenance hook install\` failed in ${path}: ${processError(error)}`, { cause: error });
  }
}

function processError(error: unknown): string {
  const stderr = (error as { stderr?: string | Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}
