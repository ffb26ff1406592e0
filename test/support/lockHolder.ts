/**
 * A child process for lock tests: `node lockHolder.js <lockPath> <holdMs> <log>`
 * takes the store lock, holds it for holdMs, and appends to <log> one line per
 * holding: `<pid> <enteredAt> <leftAt> intact|evicted`, where evicted means
 * the lock file no longer carried its holding when it left (someone broke a
 * live holder's lock).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { withFileLock } from '../../src/core/store/lock';

async function main(): Promise<void> {
  const [lockPath, holdText, log] = process.argv.slice(2);
  await withFileLock(
    lockPath,
    async () => {
      const entered = Date.now();
      const mine = readFileSync(lockPath, 'utf8');
      await new Promise((resolve) => setTimeout(resolve, Number(holdText)));
      let now = '';
      try {
        now = readFileSync(lockPath, 'utf8');
      } catch {
        // removed: evicted
      }
      appendFileSync(log, `${process.pid} ${entered} ${Date.now()} ${now === mine ? 'intact' : 'evicted'}\n`);
    },
    { timeoutMs: 60_000 },
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
