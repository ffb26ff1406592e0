import { recordedBlastRadius, viewNote } from '../provenance/note/readCommitNote';
import type { FileAiFacts, OriginCount } from './commitRecord';

export interface NoteFacts {
  readonly ai: Record<string, FileAiFacts>;
  readonly problems: readonly string[];
}

/** Per file with AI lines: counts by origin and review state, and the recorded blast radius. */
export function noteFacts(text: string): NoteFacts {
  const view = viewNote(text);
  const ai: Record<string, FileAiFacts> = {};
  if (!view) return { ai, problems: [] };
  const radii = recordedBlastRadius(view.documents);
  for (const file of view.files) {
    if (file.aiLines.size === 0) continue;
    const origins = new Map<string, number>();
    let reviewed = 0;
    for (const origin of file.aiLines.values()) {
      if (origin.reviewed) reviewed++;
      const key = JSON.stringify([origin.source, origin.tool ?? '', origin.model ?? '']);
      origins.set(key, (origins.get(key) ?? 0) + 1);
    }
    const radius = radii.get(file.path);
    ai[file.path] = {
      lines: file.aiLines.size,
      reviewed,
      origins: [...origins].map(([key, lines]): OriginCount => [...(JSON.parse(key) as [string, string, string]), lines]),
      ...(radius ? { blast: [radius.files, radius.loadBearing] as const } : {}),
    };
  }
  return { ai, problems: view.problems };
}
