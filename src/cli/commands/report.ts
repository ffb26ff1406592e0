import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { commitSource } from '../../core/config';
import { resolveCommit, storeDirOf } from '../../core/git';
import { formatReportMarkdown, openIndexBlastRadius, rangeProvenance, readProvenanceSettings } from '../../core/provenance';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand } from '../command';
import { requireRepository } from '../workspace';
import { formatSignOffMarkdown, reviewState } from '../../core/review';
import { listSignOffs, signOffRules } from '../../core/signoff';
import { statusJson } from './reviewBranch';
import { configFromOption } from './gate';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write a Markdown summary of the AI provenance of a commit range (for a PR description)',
  usage: `Usage: ai-provenance report --base <ref> [--head <ref>] [--config-from base|head] [--output <file>] [--json]

Summarizes what <base>...<head> adds: the AI share per file, load-bearing
files with AI lines, blast radius (from the workspace index when there
is one, else as recorded in the notes, else omitted), and, when the policy
asks for sign-offs or there are some, per class what is signed off, by
whom, and what is open. Reads the notes (refs/notes/ai-provenance and
refs/notes/ai-provenance-signoffs): in CI, fetch them first. Files are
classified with the classes and CODEOWNERS of <base> (--config-from head:
of <head>), read through git.`,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        base: { type: 'string' },
        head: { type: 'string' },
        'config-from': { type: 'string' },
        output: { type: 'string' },
        json: { type: 'boolean' },
      },
      false,
    );
    if (!values.base) throw new UsageError('report needs --base <ref>');
    const configFrom = configFromOption(values['config-from']);
    const repository = await requireRepository(io);
    const configRef = configFrom === 'base' ? values.base : (values.head ?? 'HEAD');
    const configCommit = await resolveCommit(repository.root, configRef);
    if (!configCommit) throw new CliError(`--${configFrom} ${configRef} is not a commit here (in CI, fetch enough history: fetch-depth: 0)`);
    const settings = await readProvenanceSettings(repository.root, await commitSource(repository.root, configCommit, configRef));
    const classifier = settings.classifier;
    const index = settings.blastRadius === 'off' ? undefined : await openIndexBlastRadius(repository.root, storeDirOf(repository), classifier);
    try {
      let report;
      try {
        report = await rangeProvenance(repository.root, values.base, values.head ?? 'HEAD', classifier, index?.provider, settings.project.risk);
      } catch (error) {
        throw new CliError((error as Error).message.split('\n')[0]);
      }
      const rules = signOffRules(settings.project.policy);
      const withSignOff = rules.requireSignOff.length > 0 || (await listSignOffs(repository.root)).signOffs.length > 0;
      const signOff = withSignOff
        ? await reviewState(repository.root, values.base, {
            head: values.head ?? 'HEAD',
            config: { classifier, rules, riskModel: settings.project.risk, label: `${configRef} (${configCommit.slice(0, 10)})`, problems: [] },
          })
        : undefined;
      const text = values.json
        ? `${JSON.stringify({ ...report, files: undefined, blastRadius: Object.fromEntries(report.blastRadius), ...(signOff ? { signOff: statusJson(signOff) } : {}) }, null, 2)}\n`
        : formatReportMarkdown(report, signOff ? [formatSignOffMarkdown(signOff)] : []);
      if (values.output) await writeFile(resolve(io.cwd, values.output), text);
      else io.stdout(text);
      return 0;
    } finally {
      index?.release();
    }
  },
};
