import { newRegionId } from '../regions/create';
import { comparePositions, type AiRegion, type Position } from '../regions/region';
import { position } from '../regions/positions';
import { normalizeLineEnds } from '../text/lines';

/** A piece of an AI region that an edit took out of a document, as it was then. */
interface RemovedPiece {
  readonly region: AiRegion;
  /** Its text, lines joined with `\n`. */
  readonly text: string;
  readonly visible: number;
  /** The document it was removed from, when known. */
  readonly path?: string;
}

/** How much text must be put back for a remembered piece to count as found. */
export interface FindOptions {
  /** Fewest visible characters a piece needs (pastes: short words are anyone's). */
  readonly minVisible?: number;
  /** Only pieces removed from this document (undo and redo put text back where it was, never in another file). */
  readonly from?: string;
}

/**
 * The AI text that edits removed from documents, so that putting the same
 * text back puts its authorship back: redo after undo (and undo of a
 * deletion), a cut pasted elsewhere, a block dragged to another place, a
 * reload that brings back what another reload took away. Each piece keeps
 * its origin (source, tool, model, confidence, review) and which of its
 * lines a person had rewritten. Bounded; the oldest pieces go first.
 * Nothing here runs for typing: pieces are only looked up in text that was
 * put back, and only when there are any.
 */
export class RemovedAuthorship {
  private pieces: RemovedPiece[] = [];
  private characters = 0;

  constructor(
    private readonly maxPieces = 500,
    private readonly maxCharacters = 4_000_000,
  ) {}

  get isEmpty(): boolean {
    return this.pieces.length === 0;
  }

  /** Remembers pieces of regions (cut out with sliceRegion) that a change removed. */
  remember(pieces: readonly AiRegion[], path?: string): void {
    for (const region of pieces) {
      const text = region.lines.map((line) => line.text).join('\n');
      const visible = text.replace(/\s+/g, '').length;
      // One character (a backspace in AI code) says nothing about where AI text went.
      if (visible < 2 || text.length > this.maxCharacters / 4) continue;
      // The same text removed again (undo, redo, undo...): keep the newest.
      const same = this.pieces.findIndex((piece) => piece.text === text);
      if (same >= 0) this.characters -= this.pieces.splice(same, 1)[0].text.length;
      this.pieces.unshift({ region, text, visible, ...(path !== undefined ? { path } : {}) });
      this.characters += text.length;
    }
    while (this.pieces.length > this.maxPieces || this.characters > this.maxCharacters) this.characters -= this.pieces.pop()!.text.length;
  }

  /**
   * Regions over the remembered pieces found in `text`, which an edit has
   * just put at `start`: the newest piece first, each place used once.
   */
  find(text: string, start: Position, options: FindOptions = {}): AiRegion[] {
    if (this.pieces.length === 0) return [];
    const inserted = normalizeLineEnds(text);
    const taken: Array<[number, number]> = [];
    const found: AiRegion[] = [];
    for (const piece of this.pieces) {
      if (piece.visible < (options.minVisible ?? 1) || piece.text.length > inserted.length) continue;
      if (options.from !== undefined && piece.path !== options.from) continue;
      for (let at = inserted.indexOf(piece.text); at >= 0; at = inserted.indexOf(piece.text, at + 1)) {
        const end = at + piece.text.length;
        if (taken.some(([from, to]) => at < to && from < end)) continue;
        taken.push([at, end]);
        found.push(placed(piece, offsetPosition(inserted, start, at), offsetPosition(inserted, start, end)));
        break;
      }
    }
    return found.sort((a, b) => comparePositions(a.start, b.start));
  }
}

function placed(piece: RemovedPiece, start: Position, end: Position): AiRegion {
  return { ...piece.region, id: newRegionId(), start, end, lines: piece.region.lines.map((line) => ({ ...line })) };
}

/** The document position of `offset` in text inserted at `start`. */
function offsetPosition(text: string, start: Position, offset: number): Position {
  let line = start.line;
  let lineStart = -1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at;
  }
  return lineStart < 0 ? position(start.line, start.character + offset) : position(line, offset - lineStart - 1);
}
