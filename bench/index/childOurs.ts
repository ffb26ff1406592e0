import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';

/**
 * Runs our index in its own process so its peak RSS is its own. Modes:
 * `build` (cold or warm, depending on the cache dir's state), `queries`
 * (warm build, then incremental updates and impact queries) and `impact`
 * (warm build, then the whole-file blast radius of each target given after the
 * edges argument, as `[path, depth]` lists). Prints one JSON line.
 */

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const [mode, root, cacheDir, edgesOut, ...targets] = process.argv.slice(2);
  if (!mode || !root || !cacheDir)
    throw new Error('usage: childOurs <build|build-file-level|queries|impact> <root> <cacheDir> [edges.json|-] [target...]');
  const started = performance.now();
  // `build-file-level`: a cold build without name-level detail, to measure what that detail costs.
  const index = await WorkspaceIndex.open({ root, cacheDir, ...(mode === 'build-file-level' ? { nameLevel: false } : {}) });
  const stats = await index.build();
  const buildMs = performance.now() - started;
  const result: Record<string, unknown> = { buildMs, stats };
  if (edgesOut && edgesOut !== '-') {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(edgesOut, JSON.stringify([...index.fileEdges()]));
  }
  if (mode === 'impact') {
    result.impacts = targets.map((path) => {
      const t = performance.now();
      const radius = index.blastRadius({ path });
      return { target: path, dependents: radius.dependents.map((d) => [d.path, d.depth]), ms: performance.now() - t };
    });
  }
  if (mode === 'queries') {
    const files = [...index.fileEdges()].map((edge) => edge.to).filter((path) => path.endsWith('.ts'));
    const targets = [...new Set(files)].slice(0, 400);
    // Incremental: append a line to a file (a save), update, measure.
    const updates: number[] = [];
    for (let i = 0; i < 60; i++) {
      const path = targets[i % targets.length]!;
      appendFileSync(join(root, path), `\nexport const touched${i} = ${i};\n`);
      const t = performance.now();
      await index.updateFiles([path]);
      updates.push(performance.now() - t);
    }
    // Impact queries on warm data: a line inside the first definition of each target.
    const impacts: number[] = [];
    let dependents = 0;
    for (const path of targets.slice(0, 200)) {
      const line = index.definitionsAt(path, 0, 10_000).length > 0 ? 8 : 0;
      const t = performance.now();
      const radius = index.blastRadius({ path, startLine: line, endLine: line });
      impacts.push(performance.now() - t);
      dependents += radius.files;
    }
    result.incrementalMedianMs = median(updates.slice(10));
    result.incrementalP90Ms = [...updates.slice(10)].sort((a, b) => a - b)[Math.floor(updates.length * 0.9) - 10];
    result.impactMedianMs = median(impacts);
    result.impactMaxMs = Math.max(...impacts);
    result.impactP90Ms = [...impacts].sort((a, b) => a - b)[Math.floor(impacts.length * 0.9)];
    result.impactMeanDependents = dependents / Math.max(1, impacts.length);
  }
  index.dispose();
  result.maxRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
