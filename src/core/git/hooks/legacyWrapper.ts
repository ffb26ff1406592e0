import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { isWrapper } from './hookScript';

/**
 * The pre-commit framework's `pre-commit install` keeps the hook it finds
 * as `<hook>.legacy` and runs it from its own hook. When the hook it found
 * was our wrapper, chaining to pre-commit's hook again would loop (ours →
 * pre-commit → ours ...). Before install or uninstall, that stale wrapper
 * gives way to what it chained to: nothing, the same pre-commit hook (the
 * chain collapses), or the user's older hook, which becomes pre-commit's
 * legacy hook again, as if we had never been there.
 */
export function reclaimLegacyWrapper(path: string, original: string): boolean {
  const legacy = `${path}.legacy`;
  if (!existsSync(legacy) || !isWrapper(readFileSync(legacy))) return false;
  const sameAsCurrent = existsSync(original) && existsSync(path) && readFileSync(original).equals(readFileSync(path));
  if (existsSync(original) && !sameAsCurrent) {
    renameSync(original, legacy);
  } else {
    rmSync(legacy);
    rmSync(original, { force: true });
  }
  return true;
}
