import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { changedLineRanges } from '../../core/capture';
import { recordHook } from './recordHook';
import { recordSinceCheckpoint } from './recordSinceCheckpoint';
import { AGENT_NAMES } from '../../core/agents';
import { createLineRegion, type RegionOrigin } from '../../core/regions';
import { plural, splitLines } from '../../core/text';
import { parse, parseLineRange } from '../args';
import { CliError, UsageError, type CliCommand, type CliIO } from '../command';
import { openWorkspace } from '../workspace';

const USAGE = `Usage:
  ai-provenance record <file> --lines <first>-<last> [options]
  ai-provenance record <file> --before <previous-copy> [options]
  ai-provenance record --hook <agent> [options] < hook-event.json
  ai-provenance record --since-checkpoint [options]

Marks lines of <file> as written by an AI tool.
  --lines a-b        1-based inclusive line range (repeatable)
  --before <path>    a copy of the file from before the tool ran: the lines
                     added or changed since become AI lines
  --hook <agent>     read the agent's hook event from stdin and mark exactly
                     what its file tools wrote (tool and model from the event);
                     other events are ignored; always exits 0. Agents:
                     ${AGENT_NAMES.join(', ')}
                     (\`ai-provenance agents install <agent>\` sets it up)
  --since-checkpoint mark the lines added or changed in every file since
                     \`ai-provenance checkpoint\` (then forget the checkpoint)
  --source <s>       how it was captured (default: agent, or agent-hook)
  --tool <t>         the AI tool (e.g. claude-code, aider, codex)
  --model <m>        the model, when known
  --store <dir>      keep regions in <dir> (needed outside git)`;

const OPTIONS = {
  lines: { type: 'string', multiple: true },
  before: { type: 'string' },
  hook: { type: 'string' },
  source: { type: 'string' },
  tool: { type: 'string' },
  model: { type: 'string' },
  store: { type: 'string' },
  'since-checkpoint': { type: 'boolean' },
} as const;

export const recordCommand: CliCommand = {
  name: 'record',
  summary: 'mark lines of a file as AI-written (lines, a before-copy, or an agent hook)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS);
    if (values.hook !== undefined) return recordHook(values, io);
    if (values['since-checkpoint']) return recordSinceCheckpoint(values, positionals, io);
    if (positionals.length !== 1) throw new UsageError('record needs exactly one <file>');
    if (!values.lines === !values.before) throw new UsageError('record needs either --lines or --before');

    const workspace = await openWorkspace(io, { storeDir: values.store, near: positionals[0] });
    const path = workspace.repoPath(positionals[0]);
    const text = workspace.readText(path);
    const lines = splitLines(text);
    const origin: RegionOrigin = {
      source: values.source ?? 'agent',
      ...(values.tool ? { tool: values.tool } : {}),
      ...(values.model ? { model: values.model } : {}),
    };
    const ranges = values.before !== undefined ? rangesFromBefore(io, values.before, text) : values.lines!.map(parseLineRange);
    for (const range of ranges) {
      if (range.last >= lines.length) {
        throw new CliError(`${path} has ${lines.length} lines; --lines ${range.first + 1}-${range.last + 1} is past its end`);
      }
    }
    workspace.store.reconcile(path, text);
    let marked = 0;
    for (const range of ranges) {
      const region = createLineRegion(origin, lines, range.first, range.last);
      if (!region) continue;
      workspace.store.add(path, region);
      marked += range.last - range.first + 1;
    }
    await workspace.store.sync();
    io.stdout(`${path}: ${plural(marked, 'line')} marked as AI (${origin.source})\n`);
    return 0;
  },
};

function rangesFromBefore(io: CliIO, beforePath: string, text: string) {
  let before: string;
  try {
    before = readFileSync(resolve(io.cwd, beforePath), 'utf8');
  } catch {
    throw new CliError(`cannot read --before ${beforePath}`);
  }
  return changedLineRanges(before, text);
}
