import { computeCommitProvenance, openIndexBlastRadius, readProvenanceSettings } from '../../core/provenance';
import { parse } from '../args';
import { CliError, type CliCommand } from '../command';
import { openWorkspace } from '../workspace';

export const trailersCommand: CliCommand = {
  name: 'trailers',
  summary: 'print the provenance trailers for the staged changes',
  usage: `Usage: ai-provenance trailers [--amend] [--json]

Prints the trailers the next commit would get (docs/TRAILERS.md), one
\`Key: value\` per line; nothing when the staged changes have no AI lines.
  --amend   measure against HEAD's parent, as \`git commit --amend\` would
  --json    the trailers and the summary behind them`,
  async run(argv, io) {
    const { values } = parse(argv, { amend: { type: 'boolean' }, json: { type: 'boolean' } }, false);
    const workspace = await openWorkspace(io);
    if (!workspace.inGit) throw new CliError('trailers needs a git repository');
    const settings = await readProvenanceSettings(workspace.root);
    const index =
      settings.blastRadius === 'off' ? undefined : await openIndexBlastRadius(workspace.root, workspace.store.storeDir, settings.classifier);
    try {
      // The settings' classifier is the default: passing it again would report its problems twice.
      const provenance = await computeCommitProvenance(workspace.root, workspace.store, {
        target: { kind: 'staged', amend: values.amend === true },
        settings,
        ...(index ? { blastRadius: index.provider } : {}),
      });
      for (const problem of provenance.problems) io.stderr(`ai-provenance: ${problem}\n`);
      if (values.json) {
        const { trailers, summary } = provenance;
        io.stdout(`${JSON.stringify({ trailers, summary }, null, 2)}\n`);
      } else {
        for (const trailer of provenance.trailers) io.stdout(`${trailer.key}: ${trailer.value}\n`);
      }
      return 0;
    } finally {
      index?.release();
    }
  },
};
