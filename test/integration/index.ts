// The extensionTestsPath module of `npm run test:integration`: the tests below
// this folder, in a trusted workspace.
import { runTestFilesIn } from '../host/extensionTests';

export function run(): Promise<void> {
  return runTestFilesIn(__dirname);
}
