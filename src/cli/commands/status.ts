import { aiLineCount, type AiRegion, humanModifiedLines, reanchorRegions } from '../../core/regions';
import { plural, readTextFile } from '../../core/text';
import { parse } from '../args';
import type { CliCommand } from '../command';
import { openWorkspace } from '../workspace';

const USAGE = `Usage: ai-provenance status [<file>...] [--json] [--store <dir>]

Lists every tracked file with its AI regions, re-anchored against the files
as they are now on disk (nothing is written). Lines are 1-based, inclusive.`;

export interface StatusRegion {
  id: string;
  startLine: number;
  endLine: number;
  source: string;
  tool?: string;
  model?: string;
  confidence: number;
  createdAt: string;
  reviewed: boolean;
  reviewedBy?: string;
  aiLines: number;
  humanModifiedLines: number[];
}

export interface StatusFile {
  path: string;
  /** Set when the file is gone or unreadable: regions are shown as stored. */
  problem?: string;
  regions: StatusRegion[];
}

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'list tracked files and their AI regions',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, store: { type: 'string' } });
    const workspace = await openWorkspace(io, { storeDir: values.store, near: positionals[0] });
    const wanted = positionals.map((file) => workspace.repoPath(file));
    const paths = wanted.length > 0 ? wanted : workspace.store.files();
    const files: StatusFile[] = [];
    for (const path of paths) {
      const stored = workspace.store.regions(path);
      if (stored.length === 0) {
        if (wanted.length > 0) files.push({ path, regions: [] });
        continue;
      }
      const disk = readTextFile(workspace.absolutePath(path));
      if (disk.kind !== 'text') {
        files.push({ path, problem: disk.kind, regions: stored.map(toStatusRegion) });
        continue;
      }
      const regions = reanchorRegions(stored, disk.text).regions;
      files.push({ path, regions: regions.map(toStatusRegion) });
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ root: workspace.root, files }, null, 2)}\n`);
      return 0;
    }
    if (files.length === 0) {
      io.stdout('No AI regions are tracked.\n');
      return 0;
    }
    for (const file of files) io.stdout(formatFile(file));
    return 0;
  },
};

function toStatusRegion(region: AiRegion): StatusRegion {
  return {
    id: region.id,
    startLine: region.start.line + 1,
    endLine: region.end.line + 1,
    source: region.source,
    ...(region.tool ? { tool: region.tool } : {}),
    ...(region.model ? { model: region.model } : {}),
    confidence: region.confidence,
    createdAt: new Date(region.createdAt).toISOString(),
    reviewed: region.reviewed !== undefined,
    ...(region.reviewed ? { reviewedBy: region.reviewed.by } : {}),
    aiLines: aiLineCount(region),
    humanModifiedLines: humanModifiedLines(region).map((line) => line + 1),
  };
}

function formatFile(file: StatusFile): string {
  const header = file.problem ? `${file.path}  (${file.problem}: shown as last recorded)` : file.path;
  const rows = file.regions.map((region) => {
    const span = region.startLine === region.endLine ? `L${region.startLine}` : `L${region.startLine}-${region.endLine}`;
    const who = [region.source, region.tool, region.model].filter(Boolean).join(' · ');
    const human = region.humanModifiedLines.length > 0 ? `, ${region.humanModifiedLines.length} rewritten by a human` : '';
    const review = region.reviewed ? `reviewed${region.reviewedBy ? ` by ${region.reviewedBy}` : ''}` : 'unreviewed';
    return `  ${span.padEnd(12)} ${who}  ${plural(region.aiLines, 'AI line')}${human}  ${review}`;
  });
  return `${header}\n${rows.join('\n')}\n`;
}
