import { recordedBlastRadius, viewNote } from '../provenance/note/readCommitNote';
import { EMPTY_TALLY, type FileAiFacts, type Tally } from './commitRecord';

export interface NoteFacts {
  readonly ai: Record<string, FileAiFacts>;
  readonly problems: readonly string[];
}

/** Per file with AI lines: counts by source, tool, model and review state, and the recorded blast radius. */
export function noteFacts(text: string): NoteFacts {
  const view = viewNote(text);
  const ai: Record<string, FileAiFacts> = {};
  if (!view) return { ai, problems: [] };
  const radii = recordedBlastRadius(view.documents);
  for (const file of view.files) {
    if (file.aiLines.size === 0) continue;
    const sources = new Map<string, number>();
    const tools = new Map<string, number>();
    const models = new Map<string, number>();
    let reviewed = 0;
    for (const origin of file.aiLines.values()) {
      if (origin.reviewed) reviewed++;
      count(sources, origin.source);
      count(tools, origin.tool);
      count(models, origin.model);
    }
    const radius = radii.get(file.path);
    ai[file.path] = {
      lines: file.aiLines.size,
      reviewed,
      sources: tally(sources),
      tools: tally(tools),
      models: tally(models),
      ...(radius ? { blast: [radius.files, radius.loadBearing] as const } : {}),
    };
  }
  return { ai, problems: view.problems };
}

function count(into: Map<string, number>, name: string | undefined): void {
  if (name) into.set(name, (into.get(name) ?? 0) + 1);
}

/** Most lines first, then by name. */
function tally(counts: ReadonlyMap<string, number>): Tally {
  if (counts.size === 0) return EMPTY_TALLY;
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { names: sorted.map(([name]) => name), lines: sorted.map(([, lines]) => lines) };
}
