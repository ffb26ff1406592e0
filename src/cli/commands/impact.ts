import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BlastRadius } from '../../core/index';
import { toRepoPath } from '../../core/git';
import { parse } from '../args';
import { CliError, UsageError, type CliCommand } from '../command';
import { openIndexForCli } from './index';
import { plural } from '../../core/text';

const USAGE = `Usage: ai-provenance impact <file>[:<line>] [--json] [--depth N]

Shows the blast radius of a change: the definitions at <line> (1-based; the
whole file without it), every file that depends on them directly or
transitively with the chain that reaches it, the load-bearing ones, and the
entry points reached (production code and tests apart). Refreshes the index first.`;

export interface ImpactJson {
  target: string;
  symbols: string[];
  level: 'symbol' | 'file';
  dependents: { path: string; depth: number; via: string[] }[];
  files: number;
  loadBearing: { path: string; classes: string[] }[];
  entryPoints: { production: string[]; tests: string[] };
  truncated: boolean;
}

export const impactCommand: CliCommand = {
  name: 'impact',
  summary: 'show the blast radius of a file or line',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, depth: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('impact expects exactly one <file>[:<line>]');
    const { file, line } = splitTarget(positionals[0]!);
    const maxDepth = values.depth === undefined ? undefined : depthOption(values.depth);
    const absolute = resolve(io.cwd, file);
    if (!existsSync(absolute) || !statSync(absolute).isFile()) throw new CliError(`no such file: ${file}`);
    const index = await openIndexForCli(io, undefined);
    try {
      const repoPath = toRepoPath(index.root, absolute);
      if (!repoPath) throw new CliError(`${file} is outside the repository ${index.root}`);
      await index.build();
      if (!index.has(repoPath)) throw new CliError(`${repoPath} is not indexed (unsupported language, or skipped: see ai-provenance index)`);
      const radius = index.blastRadius(
        { path: repoPath, ...(line !== undefined ? { startLine: line - 1, endLine: line - 1 } : {}) },
        maxDepth === undefined ? {} : { maxDepth },
      );
      const json = toJson(radius, line);
      io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : formatImpact(json, radius));
      return 0;
    } finally {
      index.dispose();
    }
  },
};

function splitTarget(text: string): { file: string; line?: number } {
  const match = /^(.*):(\d+)$/.exec(text);
  if (!match) return { file: text };
  const line = Number(match[2]);
  if (line < 1) throw new UsageError(`line numbers start at 1, got ${line}`);
  return { file: match[1]!, line };
}

function depthOption(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--depth expects a positive integer, got "${text}"`);
  return value;
}

function toJson(radius: BlastRadius, line: number | undefined): ImpactJson {
  return {
    target: line === undefined ? radius.target.path : `${radius.target.path}:${line}`,
    symbols: [...radius.symbols],
    level: radius.level,
    dependents: radius.dependents.map((d) => ({ path: d.path, depth: d.depth, via: [...d.via] })),
    files: radius.files,
    loadBearing: radius.loadBearing.map((l) => ({ path: l.path, classes: [...l.classes] })),
    entryPoints: { production: [...radius.entryPoints.production], tests: [...radius.entryPoints.tests] },
    truncated: radius.truncated,
  };
}

function formatImpact(json: ImpactJson, radius: BlastRadius): string {
  const lines: string[] = [];
  const what = json.symbols.length > 0 ? json.symbols.join(', ') : 'the whole file';
  lines.push(`${json.target}: ${what}`);
  if (radius.targetLoadBearing.length > 0) lines.push(`  load-bearing itself: ${radius.targetLoadBearing.join(', ')}`);
  if (json.files === 0) {
    lines.push('  nothing in the repository depends on it');
  } else {
    lines.push(`  ${plural(json.files, 'dependent file')}${json.truncated ? ' (depth limit reached)' : ''}:`);
    for (const dependent of radius.dependents) {
      const flags = [dependent.test ? 'test' : '', ...dependent.loadBearing].filter(Boolean);
      const via = dependent.via.length > 0 ? `  via ${dependent.via.join(' -> ')}` : '';
      lines.push(`    ${'  '.repeat(Math.min(dependent.depth - 1, 6))}${dependent.path}${flags.length ? ` [${flags.join(', ')}]` : ''}${via}`);
    }
  }
  if (json.loadBearing.length > 0) lines.push(`  load-bearing: ${json.loadBearing.map((l) => `${l.path} (${l.classes.join(', ')})`).join(', ')}`);
  lines.push(`  entry points: ${json.entryPoints.production.length} production, ${json.entryPoints.tests.length} tests`);
  for (const path of json.entryPoints.production) lines.push(`    ${path}`);
  for (const path of json.entryPoints.tests) lines.push(`    ${path} [test]`);
  return `${lines.join('\n')}\n`;
}
