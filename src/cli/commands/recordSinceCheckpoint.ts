import { filesSinceCheckpoint, readCheckpoint, regionsWritten, removeCheckpoint } from '../../core/capture';
import { aiLineCount, type RegionOrigin } from '../../core/regions';
import { plural, readTextFile } from '../../core/text';
import { CliError, UsageError, type CliIO } from '../command';
import { openWorkspace } from '../workspace';

/**
 * `record --since-checkpoint`: marks what changed in each file since
 * `ai-provenance checkpoint`, then removes the checkpoint so that the next
 * run of the agent starts from a new one.
 */
export async function recordSinceCheckpoint(
  values: { source?: string; tool?: string; model?: string; store?: string },
  positionals: readonly string[],
  io: CliIO,
): Promise<number> {
  if (positionals.length > 0) throw new UsageError('--since-checkpoint takes no <file>: it records every file changed since the checkpoint');
  const workspace = await openWorkspace(io, { storeDir: values.store });
  const checkpoint = await readCheckpoint(workspace.store.storeDir);
  if (!checkpoint) throw new CliError('no checkpoint: run `ai-provenance checkpoint` before the agent runs');
  const origin: RegionOrigin = {
    source: values.source ?? 'agent',
    ...(values.tool ? { tool: values.tool } : {}),
    ...(values.model ? { model: values.model } : {}),
  };
  let files = 0;
  let lines = 0;
  for (const { path, before } of await filesSinceCheckpoint(workspace.root, checkpoint)) {
    const now = readTextFile(workspace.absolutePath(path));
    if (now.kind !== 'text' || now.text === before) continue;
    workspace.store.reconcile(path, now.text);
    const regions = regionsWritten(origin, before, now.text);
    for (const region of regions) {
      workspace.store.add(path, region);
      lines += aiLineCount(region);
    }
    if (regions.length > 0) files++;
  }
  await workspace.store.sync();
  await removeCheckpoint(workspace.store.storeDir);
  io.stdout(`${plural(lines, 'line')} in ${plural(files, 'file')} marked as AI (${origin.source}) since the checkpoint\n`);
  return 0;
}
