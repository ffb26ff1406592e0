import { saveCheckpoint } from '../../core/capture';
import { parse } from '../args';
import { CliError, type CliCommand } from '../command';
import { openWorkspace } from '../workspace';
import { plural } from '../../core/text';

const USAGE = `Usage:
  ai-provenance checkpoint [<path>...] [--store <dir>]

Saves the current contents of files before an AI agent runs, so that
\`ai-provenance record --since-checkpoint\` afterwards marks exactly what the
agent added or changed. With no paths: every file changed since HEAD
(untracked files included); files not saved are compared with HEAD later.
Bounded: ${'1 MB'} per file, ${'32 MB'} and 2,000 files in all.
  --store <dir>      keep regions (and the checkpoint) in <dir> (needed outside git)`;

export const checkpointCommand: CliCommand = {
  name: 'checkpoint',
  summary: 'save file contents before an agent runs (then: record --since-checkpoint)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { store: { type: 'string' } });
    const workspace = await openWorkspace(io, { storeDir: values.store, near: positionals[0] });
    if (!workspace.inGit && positionals.length === 0) throw new CliError('outside git, name the files to checkpoint');
    const paths = positionals.map((file) => workspace.repoPath(file));
    const result = await saveCheckpoint(workspace.root, workspace.store.storeDir, paths);
    io.stdout(`checkpoint: ${plural(result.saved, 'file')} saved\n`);
    if (result.skipped.length > 0) io.stderr(`ai-provenance: not saved (compared with HEAD instead): ${result.skipped.join(', ')}\n`);
    return 0;
  },
};
