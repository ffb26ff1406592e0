// `node out/bench/views/run.js`: prints the views' refresh costs; exits 1 when a
// budgeted case's median is over the budget.
import { DECORATION_BUDGET_MS, runViewsBench } from './viewsBench';

const result = runViewsBench();
console.log(
  `Views: ${result.regions} AI regions in ${result.files} files (plain Node; the editor's own setDecorations is not included, the ranges handed to it are counted)`,
);
console.log(
  `Load: ${result.loadPerCore.toFixed(1)} per core${result.loadPerCore > 1 ? ' (busy machine: wall times are inflated, CPU times are not)' : ''}\n`,
);
console.log('| case | CPU median | CPU p95 | wall median | ranges set | budget (CPU median) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const t of [...result.timings, result.baseline]) {
  const budget = t.budgeted ? `${DECORATION_BUDGET_MS} ms` : '–';
  console.log(`| ${t.name} | ${t.medianMs.toFixed(3)} ms | ${t.p95Ms.toFixed(3)} ms | ${t.wallMedianMs.toFixed(3)} ms | ${t.ranges} | ${budget} |`);
}
if (!result.withinBudget) console.log(`\nOver the ${DECORATION_BUDGET_MS} ms budget.`);
process.exitCode = result.withinBudget ? 0 : 1;
