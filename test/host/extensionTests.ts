// The body of an extensionTestsPath module: VS Code's extension host loads the
// module once the extension under development is registered and calls run().
// Whatever run() rejects with becomes a failing exit code of the test host.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testOutputStartMarker } from './testOutputMarker';

/** Every *.test.js compiled below `dir`, in a stable order. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(dir, file));
}

/** Runs the compiled tests below `dir` with mocha, honouring AI_PROVENANCE_TEST_GREP. */
export function runTestFilesIn(dir: string): Promise<void> {
  const grep = process.env.AI_PROVENANCE_TEST_GREP || undefined;
  // Generous: the first test pays for the extension's activation in a cold editor.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, grep, forbidOnly: true });
  for (const file of testFiles(dir)) mocha.addFile(file);

  console.log(testOutputStartMarker);
  return new Promise((resolve, reject) => {
    let testsRun = 0;
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (testsRun === 0) reject(new Error(grep ? `No integration test matches --grep ${grep}.` : 'No integration tests found.'));
        else resolve();
      });
      runner.on('test end', () => testsRun++);
    } catch (error) {
      // A test file that throws while loading (syntax error, missing module).
      reject(error);
    }
  });
}
