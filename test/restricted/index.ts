// The extensionTestsPath module of `runIntegration.js --restricted`: the tests
// below this folder, in a workspace opened in Restricted Mode (not trusted).
import { runTestFilesIn } from '../host/extensionTests';

export function run(): Promise<void> {
  return runTestFilesIn(__dirname);
}
