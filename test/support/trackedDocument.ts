import { createRegion } from '../../src/core/regions/create';
import { FileRegions } from '../../src/core/regions/fileRegions';
import type { AiRegion, Position } from '../../src/core/regions/region';
import type { TextChange } from '../../src/core/regions/positions';
import type { EditAttribution } from '../../src/core/regions/tracking';
import { TestDocument } from './textDocument';

/** A document with tracked regions, edited the way the editor would. */
export class TrackedDocument {
  readonly document: TestDocument;
  readonly regions = new FileRegions();

  constructor(text: string) {
    this.document = new TestDocument(text);
  }

  /** Marks the `n`th occurrence of `text` as an AI region. */
  markAi(text: string, n = 0, source = 'inline'): AiRegion {
    const start = this.document.find(text, n);
    const region = createRegion({ source }, start, text);
    if (!region) throw new Error('nothing to mark');
    this.regions.add(region);
    return region;
  }

  /** Inserts AI text at `at` the way a capture path records it. */
  insertAi(at: Position, text: string, source = 'agent'): void {
    this.edit([{ start: at, end: at, text }], 'neutral');
    const region = createRegion({ source }, at, text);
    if (region) this.regions.add(region);
  }

  edit(changes: TextChange[], attribution: EditAttribution = 'human'): void {
    for (const change of changes) this.document.apply(change);
    this.regions.applyChanges(changes, attribution);
  }

  insert(at: Position, text: string, attribution: EditAttribution = 'human'): void {
    this.edit([{ start: at, end: at, text }], attribution);
  }

  replace(start: Position, end: Position, text: string, attribution: EditAttribution = 'human'): void {
    this.edit([{ start, end, text }], attribution);
  }

  /** Replaces the first occurrence of `needle` (after `n` skips). */
  replaceText(needle: string, text: string, attribution: EditAttribution = 'human', n = 0): void {
    const start = this.document.find(needle, n);
    const end = this.document.positionAt(this.document.offsetAt(start) + needle.length);
    this.replace(start, end, text, attribution);
  }

  /** Each region as the text it covers and its human lines (relative). */
  summary(): Array<{ text: string; human: number[] }> {
    return this.regions.all.map((region) => ({
      text: this.document.getText(region.start, region.end),
      human: region.lines.flatMap((line, index) => (line.human ? [index] : [])),
    }));
  }

  /** Throws when a region's own copy of its text disagrees with the document. */
  assertConsistent(): void {
    let previousEnd: Position | undefined;
    for (const region of this.regions.all) {
      const actual = this.document.getText(region.start, region.end);
      const recorded = region.lines.map((line) => line.text).join('\n');
      if (actual !== recorded) {
        throw new Error(`region ${region.id} records ${JSON.stringify(recorded)} but covers ${JSON.stringify(actual)}`);
      }
      if (region.lines.length !== region.end.line - region.start.line + 1) throw new Error('line count mismatch');
      if (
        previousEnd &&
        (previousEnd.line > region.start.line || (previousEnd.line === region.start.line && previousEnd.character > region.start.character))
      ) {
        throw new Error('regions overlap or are out of order');
      }
      previousEnd = region.end;
    }
  }
}

export function at(line: number, character: number): Position {
  return { line, character };
}
