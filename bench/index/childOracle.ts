import { TsOracle } from '../../test/oracle/tsOracle';

/**
 * The TypeScript oracle in its own process (it holds a whole program and its
 * checker, a gigabyte or more on a large monorepo): `childOracle <root>
 * <target>...` prints one JSON line per target with its dependents and depths,
 * then a summary line.
 */

function main(): void {
  const [root, ...targets] = process.argv.slice(2);
  if (!root || targets.length === 0) throw new Error('usage: childOracle <root> <target>...');
  const started = performance.now();
  const oracle = new TsOracle(root);
  const setupMs = performance.now() - started;
  for (const target of targets) {
    const answer = oracle.dependentsOf(target);
    process.stdout.write(`${JSON.stringify({ target, dependents: [...answer.dependents], ms: answer.ms, followed: answer.symbolsFollowed })}\n`);
  }
  process.stdout.write(
    `${JSON.stringify({ setupMs, programFiles: oracle.programFiles, timings: oracle.timings, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
  oracle.dispose();
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}
