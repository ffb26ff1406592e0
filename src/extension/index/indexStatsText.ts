import type { IndexStats } from '../../core/index';
import type { ChangeOutcome } from './protocol';

/**
 * One-line summaries for the output channel: the figures `ai-provenance
 * index` prints (files, edges, cache hits, phase times), on one line each.
 */

export function describeBuild(root: string, why: string, stats: IndexStats, readyMs?: number): string {
  const languages = Object.entries(stats.languages)
    .map(([language, count]) => `${language} ${count}`)
    .join(', ');
  const skipped = Object.entries(stats.skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const { ms } = stats;
  const phases = `list ${ms.list}, stat ${ms.stat}, parse ${ms.parse}, link ${ms.link}, save ${ms.save}`;
  const timing =
    readyMs === undefined
      ? `built in ${ms.total} ms (${phases})`
      : `ready in ${Math.round(readyMs)} ms: thread start ${Math.max(0, Math.round(readyMs) - ms.total)}, build ${ms.total} (${phases})`;
  return (
    `Index of ${root} (${why}): ${stats.indexed} of ${stats.files} files indexed${languages ? ` (${languages})` : ''}${stats.generated > 0 ? ` (${stats.generated} generated)` : ''}, ` +
    `${stats.edges} edges, ${stats.unresolvedImports} unresolved imports, ${stats.parseErrors} with syntax errors, ${stats.failed} failed; ` +
    `skipped ${skipped || 'none'}; cache ${stats.cacheHits} hits, ${stats.parsed} parsed (listed by ${stats.listing}); ${timing}`
  );
}

export function describeOutcome(root: string, outcome: ChangeOutcome): string {
  const ignored = outcome.ignored > 0 ? `; ${outcome.ignored} events ignored` : '';
  switch (outcome.kind) {
    case 'none':
      return `Index of ${root}: nothing to update${ignored}`;
    case 'update':
      return (
        `Index of ${root} updated: ${outcome.parsed} re-read, ${outcome.removed} removed, ${outcome.relinked} relinked` +
        `${outcome.configChanged ? ' (configuration changed: imports resolved again)' : ''} in ${Math.round(outcome.ms)} ms${ignored}`
      );
    case 'refresh':
      return describeBuild(root, outcome.reason, outcome.stats) + ignored;
  }
}
