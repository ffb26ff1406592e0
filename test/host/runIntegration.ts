// `npm run test:integration`: runs test/integration/**/*.test.ts (compiled to
// out/) inside a real VS Code extension host with the built extension
// (dist/extension.js, the repository as extensionDevelopmentPath) loaded, on a
// fresh git repository copied from test/fixtures/workspace/. Exits with the
// tests' exit code.
//
//   node out/test/host/runIntegration.js [--grep <regular expression>] [--restricted]
//
//   --restricted   run test/restricted/ instead, with the folder opened untrusted
//                  (Restricted Mode); code-server route only
//
// Environment:
//   AI_PROVENANCE_TEST_HOST=electron   desktop VS Code through @vscode/test-electron, which
//                                      downloads VS Code (needs internet); default: code-server
//   AI_PROVENANCE_TEST_GREP=<regexp>   same as --grep
//   AI_PROVENANCE_TEST_TIMEOUT_S=<s>   whole-run timeout on the code-server route, default 900
//                                      (a last resort: mocha times out each test after 60 s)
//   AI_PROVENANCE_TEST_VERBOSE=1       show all of the editor's log, timed, noise included
//   AI_PROVENANCE_EDITOR_DIR=<dir>     where scripts/editor/install.mjs installed code-server
import '../support/isolatedEnvironment';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EditorNotInstalledError } from './editorInstall';
import { createFixtureWorkspace } from './fixtureWorkspace';
import { createOutputFilter, type OutputFilter } from './outputFilter';
import { repoRoot } from './repoRoot';
import { runTestsInCodeServer, TestRunFailedError } from './runTestsInCodeServer';

const restricted = process.argv.includes('--restricted');
const extensionTestsPath = join(repoRoot, 'out', 'test', restricted ? 'restricted' : 'integration', 'index.js');
const builtExtension = join(repoRoot, 'dist', 'extension.js');

/** A mistake in how the run was asked for: reported without a stack trace. */
class UsageError extends Error {}

function grepPattern(argv: string[]): string | undefined {
  const index = argv.indexOf('--grep');
  if (index === -1) return process.env.AI_PROVENANCE_TEST_GREP || undefined;
  const pattern = argv[index + 1];
  if (!pattern) throw new UsageError('--grep needs a pattern, e.g. --grep "activates"');
  return pattern;
}

function timeoutMs(): number {
  const setting = process.env.AI_PROVENANCE_TEST_TIMEOUT_S ?? '900';
  const seconds = Number(setting);
  if (!(seconds > 0)) throw new UsageError(`AI_PROVENANCE_TEST_TIMEOUT_S must be a positive number of seconds, not "${setting}".`);
  return seconds * 1000;
}

function requireBuildOutputs(): void {
  if (!existsSync(builtExtension)) throw new UsageError(`${builtExtension} is missing: run \`npm run build\` first.`);
  if (!existsSync(extensionTestsPath)) throw new UsageError(`${extensionTestsPath} is missing: run \`npm run compile-tests\` first.`);
}

/** A failed or unfinished test run, from either route (test-electron has its own TestRunFailedError). */
function isTestRunFailure(error: unknown): error is Error & { code?: number } {
  return error instanceof TestRunFailedError || (error instanceof Error && error.constructor.name === 'TestRunFailedError');
}

/** Set on the code-server route: tells a run that never got to the tests from one that hung in them. */
let outputFilter: OutputFilter | undefined;

async function runIntegrationTests(): Promise<number> {
  requireBuildOutputs();
  const host = process.env.AI_PROVENANCE_TEST_HOST === 'electron' ? 'electron' : 'code-server';
  if (restricted && host === 'electron') throw new UsageError('--restricted runs on the code-server route only (AI_PROVENANCE_TEST_HOST unset).');
  const grep = grepPattern(process.argv.slice(2));
  const timeout = timeoutMs();
  const workspace = createFixtureWorkspace();
  const options = {
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    // What the tests may want to know about their run (smoke.test.ts uses them).
    extensionTestsEnv: { AI_PROVENANCE_TEST_GREP: grep, AI_PROVENANCE_TEST_HOST: host, AI_PROVENANCE_TEST_WORKSPACE: workspace.path },
    launchArgs: [workspace.path],
  };
  console.log(
    `[integration] ${host} extension host, workspace ${workspace.path}${restricted ? ' (Restricted Mode)' : ''}${grep ? `, --grep ${grep}` : ''}`,
  );
  try {
    if (host === 'electron') {
      // Imported only on this route: it downloads desktop VS Code.
      const { runTests } = await import('@vscode/test-electron');
      return await runTests(options).catch((error: unknown) => {
        if (isTestRunFailure(error)) throw error;
        throw new UsageError(
          `@vscode/test-electron could not start desktop VS Code (it downloads it, which needs internet): ${String(error)}\n` +
            '  Unset AI_PROVENANCE_TEST_HOST to run the tests in code-server instead.',
        );
      });
    }
    outputFilter = createOutputFilter({ verbose: process.env.AI_PROVENANCE_TEST_VERBOSE === '1' });
    return await runTestsInCodeServer({
      ...options,
      timeoutMs: timeout,
      onOutput: outputFilter.onOutput,
      workspaceTrust: restricted ? 'enabled' : 'disabled',
    });
  } finally {
    workspace.dispose();
  }
}

function reportFailure(error: unknown): number {
  if (isTestRunFailure(error)) {
    console.error(`[integration] ${error.message}`);
    if (error.code === undefined && outputFilter) {
      const where = outputFilter.testsStarted() ? 'The tests had started (see the last test above).' : 'The editor never got to run the tests.';
      console.error(
        `[integration] ${where} Rerun with AI_PROVENANCE_TEST_VERBOSE=1 to see the editor's log; raise AI_PROVENANCE_TEST_TIMEOUT_S on a slow machine.`,
      );
    }
    return typeof error.code === 'number' && error.code !== 0 ? error.code : 1;
  }
  if (error instanceof EditorNotInstalledError || error instanceof UsageError) console.error(`[integration] ${error.message}`);
  else console.error(`[integration] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}

const started = Date.now();
function finish(exitCode: number): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (exitCode === 0) console.log(`[integration] passed in ${seconds} s`);
  else console.error(`[integration] FAILED in ${seconds} s`);
  process.exitCode = exitCode;
}
runIntegrationTests().then(finish, (error: unknown) => finish(reportFailure(error)));
