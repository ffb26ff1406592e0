// Imported first by every test runner (mocha's `require` for the unit tests,
// the first import of the integration and end-to-end runners): the tests, and
// every process they start (git, the CLI, code-server and its extension host),
// then see
//   - a git configuration of their own: GIT_CONFIG_GLOBAL names a file written
//     here and GIT_CONFIG_NOSYSTEM=1 hides /etc/gitconfig, so the machine's or
//     the developer's settings (hooks path, signing, default branch, ...) never
//     change a result;
//   - a temporary folder of their own (TMPDIR), removed when the run exits, with
//     whatever a test, or a process still writing after the test ended, left in it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GIT_CONFIG = `[user]
\tname = AI Provenance Tests
\temail = tests@ai-provenance.invalid
[init]
\tdefaultBranch = main
[commit]
\tgpgsign = false
`;

function isolate(): void {
  if (process.env.AI_PROVENANCE_TEST_ISOLATED) return; // a runner started by another runner shares its folder
  const root = mkdtempSync(join(tmpdir(), 'ai-provenance-tests-'));
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  writeFileSync(join(root, 'gitconfig'), GIT_CONFIG);
  process.env.GIT_CONFIG_GLOBAL = join(root, 'gitconfig');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.TMPDIR = tmp;
  process.env.AI_PROVENANCE_TEST_ISOLATED = root;
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
}

isolate();
