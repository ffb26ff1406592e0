// Records one sign-off in the demo repository at a given time, the way
// `ai-provenance review sign-off --files ... --no-sign` would at that time:
//
//   node out/scripts/e2e/demoSignOff.js <repository> <base> <head> <ISO time> <file>...
//
// A process of its own because the demo set-up (demoHistory.ts) is
// synchronous and the sign-off API is not.
import { prepareSignOff, recordSignOff } from '../../src/core/signoff/createSignOff';

async function main(): Promise<void> {
  const [root, base, head, at, ...files] = process.argv.slice(2);
  if (!root || !base || !head || !at || files.length === 0) throw new Error('usage: demoSignOff <repository> <base> <head> <ISO time> <file>...');
  const prepared = await prepareSignOff(root, { base, head, files, now: new Date(at), comment: 'Reviewed for the demo history' });
  await recordSignOff(root, prepared, { sign: false });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
