import type { Position } from '../../src/core/regions/region';
import type { TextChange } from '../../src/core/regions/positions';
import { splitLines } from '../../src/core/text/lines';

/**
 * A minimal text document with the editor's position semantics, used to
 * check the tracker against the text it is supposed to follow.
 */
export class TestDocument {
  lines: string[];

  constructor(text: string) {
    this.lines = splitLines(text);
  }

  get text(): string {
    return this.lines.join('\n');
  }

  getText(start: Position, end: Position): string {
    if (start.line === end.line) return this.lines[start.line].slice(start.character, end.character);
    const parts = [this.lines[start.line].slice(start.character)];
    for (let line = start.line + 1; line < end.line; line++) parts.push(this.lines[line]);
    parts.push(this.lines[end.line].slice(0, end.character));
    return parts.join('\n');
  }

  apply(change: TextChange): void {
    const head = this.lines[change.start.line].slice(0, change.start.character);
    const tail = this.lines[change.end.line].slice(change.end.character);
    const inserted = splitLines(change.text);
    inserted[0] = head + inserted[0];
    inserted[inserted.length - 1] += tail;
    this.lines.splice(change.start.line, change.end.line - change.start.line + 1, ...inserted);
  }

  /** The position of the `n`th occurrence (0-based) of `needle`. */
  find(needle: string, n = 0): Position {
    let from = 0;
    let offset = -1;
    for (let i = 0; i <= n; i++) {
      offset = this.text.indexOf(needle, from);
      if (offset < 0) throw new Error(`"${needle}" not found`);
      from = offset + 1;
    }
    return this.positionAt(offset);
  }

  positionAt(offset: number): Position {
    let remaining = offset;
    for (let line = 0; line < this.lines.length; line++) {
      if (remaining <= this.lines[line].length) return { line, character: remaining };
      remaining -= this.lines[line].length + 1;
    }
    throw new Error(`offset ${offset} is past the end`);
  }

  offsetAt(position: Position): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset += this.lines[line].length + 1;
    return offset + position.character;
  }
}
