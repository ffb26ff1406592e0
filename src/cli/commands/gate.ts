import { storeDirOf } from '../../core/git';
import { GateInputError, formatGateGithub, formatGateText, readLocalHooks, runGate } from '../../core/provenance';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand } from '../command';
import { requireRepository } from '../workspace';

export const gateCommand: CliCommand = {
  name: 'gate',
  summary: 'check the AI provenance of a commit range against the policy (for CI)',
  usage: `Usage: ai-provenance gate --base <ref> [--head <ref>] [--config-from base|head] [--json] [--format text|github]

Reads the trailers and notes (refs/notes/ai-provenance) of the commits in
<base>..<head> (default head: HEAD) and applies the \`policy\` of
.ai-provenance.json as committed in <base>; with none, unreviewed AI lines
fail in auth, payments, crypto-secrets, infra and data-migrations files and
warn elsewhere. Commits without provenance, and changes to the policy,
CODEOWNERS or the hook configuration, are findings too (docs/CI.md).
Exit code 1 when the policy fails, 0 otherwise (warnings included).
  --config-from     base (default): the policy, classes and CODEOWNERS of
                    <base>, read through git; head: those of <head> (the
                    range then judges itself)
  --json            the verdict as JSON (docs/CI.md)
  --format github   GitHub Actions annotations (::error file=...,line=...::)
In CI, fetch the notes first: ai-provenance notes sync origin --no-push`,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        base: { type: 'string' },
        head: { type: 'string' },
        'config-from': { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
      },
      false,
    );
    if (!values.base) throw new UsageError('gate needs --base <ref>');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'github') throw new UsageError(`--format must be text or github, got "${format}"`);
    const configFrom = configFromOption(values['config-from']);
    const repository = await requireRepository(io);
    const localHooks = readLocalHooks(storeDirOf(repository));
    let result;
    try {
      result = await runGate(repository.root, values.base, { head: values.head ?? 'HEAD', configFrom, ...(localHooks ? { localHooks } : {}) });
    } catch (error) {
      if (error instanceof GateInputError) throw new CliError(error.message);
      throw error;
    }
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(format === 'github' ? formatGateGithub(result) : formatGateText(result));
    return result.passed ? 0 : 1;
  },
};

/** `--config-from base|head` (gate and report). */
export function configFromOption(value: string | undefined): 'base' | 'head' {
  const configFrom = value ?? 'base';
  if (configFrom !== 'base' && configFrom !== 'head') throw new UsageError(`--config-from must be base or head, got "${configFrom}"`);
  return configFrom;
}
