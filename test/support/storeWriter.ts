/**
 * A child process for store tests: `node storeWriter.js <storeDir> <label> <count>`
 * adds `count` regions to file `<label>.ts`, syncing after each one, and
 * reports on stdout. Used to prove crash safety and cross-process merging.
 */
import { createRegion } from '../../src/core/regions/create';
import { RegionStore } from '../../src/core/store/regionStore';

async function main(): Promise<void> {
  const [storeDir, label, countText] = process.argv.slice(2);
  const count = Number(countText);
  const store = await RegionStore.open({ storeDir });
  for (let i = 0; i < count; i++) {
    const text = `// ${label} line ${i} ${'x'.repeat(200)}`;
    const region = createRegion({ source: 'agent', tool: label }, { line: i, character: 0 }, text)!;
    store.add(`${label}.ts`, region);
    await store.sync();
    process.stdout.write(`${i}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
