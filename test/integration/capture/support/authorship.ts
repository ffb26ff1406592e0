// The ground truth of a replay: who wrote each character of a document,
// kept by applying every change event the editor reports with the author of
// the scripted step that caused it (the script knows; the extension has to
// guess). A line is AI-written when any of its visible characters was
// written by an AI source and is still there.
import { splitLines } from '../../../../src/core/text/lines';

/** AI sources are the capture sources, and `hook:<agent>` for an agent's hook; anything else is a person or a tool (typing, paste, git, ...). */
export const AI_SOURCES = new Set(['inline', 'inline-partial', 'chat', 'agent', 'agent-disk']);

export function isAiAuthor(author: string): boolean {
  return AI_SOURCES.has(author) || author.startsWith('hook:');
}

export interface LineTruth {
  /** The AI source of the line, or the human/tool step that wrote it. */
  readonly author: string;
  readonly ai: boolean;
}

export interface PlainChange {
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
  readonly text: string;
}

export class Authorship {
  private lines: string[];
  private authors: string[][];

  constructor(text: string, author: string) {
    this.lines = splitLines(text);
    this.authors = this.lines.map((line) => Array.from(line, () => author));
  }

  apply(change: PlainChange, author: string): void {
    const { start, end } = change;
    const inserted = splitLines(change.text);
    const headText = this.lines[start.line].slice(0, start.character);
    const tailText = this.lines[end.line].slice(end.character);
    const headAuthors = this.authors[start.line].slice(0, start.character);
    const tailAuthors = this.authors[end.line].slice(end.character);
    const newLines = inserted.slice();
    const newAuthors = inserted.map((line) => Array.from(line, () => author));
    newLines[0] = headText + newLines[0];
    newAuthors[0] = [...headAuthors, ...newAuthors[0]];
    const last = newLines.length - 1;
    newLines[last] += tailText;
    newAuthors[last] = [...newAuthors[last], ...tailAuthors];
    this.lines.splice(start.line, end.line - start.line + 1, ...newLines);
    this.authors.splice(start.line, end.line - start.line + 1, ...newAuthors);
  }

  get text(): string {
    return this.lines.join('\n');
  }

  /** Per line (0-based): who wrote it, by the majority of its visible characters, AI first. */
  truth(): LineTruth[] {
    return this.lines.map((line, index) => {
      const counts = new Map<string, number>();
      for (let i = 0; i < line.length; i++) {
        if (/\s/.test(line[i])) continue;
        const author = this.authors[index][i];
        counts.set(author, (counts.get(author) ?? 0) + 1);
      }
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      const ai = ranked.find(([author]) => isAiAuthor(author));
      if (ai) return { author: ai[0], ai: true };
      return { author: ranked[0]?.[0] ?? 'blank', ai: false };
    });
  }
}
