// The extensionTestsPath module: VS Code's extension host loads it once the
// extension under development is registered and calls run(). Whatever run()
// rejects with becomes a failing exit code of the test host.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testOutputStartMarker } from '../host/testOutputMarker';

/** Every *.test.js compiled next to this file, in a stable order. */
function integrationTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(dir, file));
}

export function run(): Promise<void> {
  const grep = process.env.AI_PROVENANCE_TEST_GREP || undefined;
  // Generous: the first test pays for the extension's activation in a cold editor.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, grep });
  for (const file of integrationTestFiles(__dirname)) mocha.addFile(file);

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
