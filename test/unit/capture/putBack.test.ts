import * as assert from 'node:assert/strict';
import { applyDecisions, type DecisionTarget } from '../../../src/core/capture/applyDecisions';
import type { CaptureDecision } from '../../../src/core/capture/captureEvent';
import { RemovedAuthorship } from '../../../src/core/capture/removedAuthorship';
import type { RegionOrigin } from '../../../src/core/regions/create';
import { aiLines, type AiRegion, type Position } from '../../../src/core/regions/region';
import type { TextChange } from '../../../src/core/regions/positions';
import { TrackedDocument, at } from '../../support/trackedDocument';

/** A document whose regions are changed through applyDecisions, as the editor's tracker does. */
class Session implements DecisionTarget {
  readonly tracked: TrackedDocument;
  readonly removed = new RemovedAuthorship();

  constructor(text: string) {
    this.tracked = new TrackedDocument(text);
  }

  applyEdits(_path: string, changes: readonly TextChange[], attribution: 'human' | 'neutral'): boolean {
    for (const change of changes) this.tracked.document.apply(change);
    return this.tracked.regions.applyChanges(changes, attribution);
  }
  add(_path: string, region: AiRegion): void {
    this.tracked.regions.add(region);
  }
  unmark(_path: string, start: Position, end: Position): boolean {
    return this.tracked.regions.unmark(start, end);
  }
  hasRegions(): boolean {
    return this.tracked.regions.size > 0;
  }
  piecesBetween(_path: string, start: Position, end: Position): AiRegion[] {
    return this.tracked.regions.piecesBetween(start, end);
  }
  regions(): readonly AiRegion[] {
    return this.tracked.regions.all;
  }
  removeRegion(_path: string, id: string): boolean {
    return this.tracked.regions.removeById(id);
  }

  event(decisions: CaptureDecision[]): void {
    applyDecisions(this, 'file.ts', decisions, this.removed);
    this.tracked.assertConsistent();
  }

  /** 1-based AI lines with their source/tool/model/review. */
  marked(): string[] {
    return this.tracked.regions.all.flatMap((region) =>
      aiLines(region).map((line) => `${line + 1} ${region.source}/${region.tool ?? '-'}/${region.model ?? '-'}${region.reviewed ? ' reviewed' : ''}`),
    );
  }

  get text(): string {
    return this.tracked.document.text;
  }
}

const ORIGIN: RegionOrigin = { source: 'inline', tool: 'copilot', model: 'gpt-x', confidence: 1 };
const BLOCK = 'export function double(value: number): number {\n  return value * 2;\n}\n';
const insert = (position: Position, text: string): TextChange => ({ start: position, end: position, text });
const remove = (start: Position, end: Position): TextChange => ({ start, end, text: '' });

describe('putting back removed AI text (undo/redo, cut and paste, moves)', () => {
  it('redo brings back an undone AI insertion with its source, tool, model and review', () => {
    const session = new Session('const a = 1;\n\nconst z = 26;\n');
    session.event([{ change: insert(at(1, 0), BLOCK), attribution: 'neutral', ai: ORIGIN }]);
    session.tracked.regions.markReviewed({ by: 'ana', at: 1 });
    assert.deepEqual(session.marked(), ['2 inline/copilot/gpt-x reviewed', '3 inline/copilot/gpt-x reviewed', '4 inline/copilot/gpt-x reviewed']);
    session.event([{ change: remove(at(1, 0), at(4, 0)), attribution: 'neutral', putsBack: 'exact' }]);
    assert.deepEqual(session.marked(), []);
    session.event([{ change: insert(at(1, 0), BLOCK), attribution: 'neutral', putsBack: 'exact' }]);
    assert.deepEqual(session.marked(), ['2 inline/copilot/gpt-x reviewed', '3 inline/copilot/gpt-x reviewed', '4 inline/copilot/gpt-x reviewed']);
  });

  it('human text undone and redone stays human', () => {
    const session = new Session('const a = 1;\n');
    session.event([{ change: insert(at(1, 0), 'const typed = 2;\n'), attribution: 'human' }]);
    session.event([{ change: remove(at(1, 0), at(2, 0)), attribution: 'neutral', putsBack: 'exact' }]);
    session.event([{ change: insert(at(1, 0), 'const typed = 2;\n'), attribution: 'neutral', putsBack: 'exact' }]);
    assert.deepEqual(session.marked(), []);
  });

  it("a person's rewrite inside AI code is theirs again after undo and redo", () => {
    const session = new Session('\n');
    session.event([{ change: insert(at(0, 0), BLOCK), attribution: 'neutral', ai: ORIGIN }]);
    // The person replaces `value * 2` by `value + value`.
    const rewrite = { start: at(1, 9), end: at(1, 18), text: 'value + value' };
    session.event([{ change: rewrite, attribution: 'human' }]);
    assert.deepEqual(
      session.marked().map((line) => line.split(' ')[0]),
      ['1', '3'],
    );
    session.event([{ change: { start: at(1, 9), end: at(1, 22), text: 'value * 2' }, attribution: 'neutral', putsBack: 'exact' }]);
    assert.deepEqual(
      session.marked().map((line) => line.split(' ')[0]),
      ['1', '2', '3'],
      'undo: the AI text is back',
    );
    session.event([{ change: rewrite, attribution: 'neutral', putsBack: 'exact' }]);
    assert.equal(session.text, 'export function double(value: number): number {\n  return value + value;\n}\n\n');
    assert.ok(!session.marked().some((line) => line.startsWith('2 ')), `redo: the person's line is not AI: ${session.marked().join('; ')}`);
  });

  it('cut and paste moves authorship; text pasted from elsewhere stays human', () => {
    const session = new Session('// top\n\n// middle\n\n// bottom\n');
    session.event([{ change: insert(at(1, 0), BLOCK), attribution: 'neutral', ai: { ...ORIGIN, source: 'chat', tool: undefined } }]);
    session.event([{ change: remove(at(1, 0), at(4, 0)), attribution: 'human' }]);
    assert.deepEqual(session.marked(), []);
    session.event([{ change: insert(at(3, 0), BLOCK), attribution: 'human', putsBack: 'moved' }]);
    assert.deepEqual(session.marked(), ['4 chat/-/gpt-x', '5 chat/-/gpt-x', '6 chat/-/gpt-x']);
    session.event([
      {
        change: insert(at(0, 0), 'export function triple(value: number): number {\n  return value * 3;\n}\n'),
        attribution: 'human',
        putsBack: 'moved',
      },
    ]);
    assert.deepEqual(
      session.marked().map((line) => line.split(' ')[0]),
      ['7', '8', '9'],
    );
  });

  it('a drag is one event: found whether the insertion comes before or after the deletion', () => {
    for (const insertFirst of [true, false]) {
      const session = new Session('// a\n\n// b\n\n// c\n');
      session.event([{ change: insert(at(1, 0), BLOCK), attribution: 'neutral', ai: ORIGIN }]);
      // Dragged down below `// c`: the editor reports the later change first when the insertion is below.
      const drop = insert(at(8, 0), BLOCK);
      const take = remove(at(1, 0), at(4, 0));
      const dropAfterTake = insert(at(5, 0), BLOCK);
      session.event(
        insertFirst
          ? [
              { change: drop, attribution: 'neutral', putsBack: 'moved' },
              { change: take, attribution: 'human', putsBack: 'moved' },
            ]
          : [
              { change: take, attribution: 'human', putsBack: 'moved' },
              { change: dropAfterTake, attribution: 'neutral', putsBack: 'moved' },
            ],
      );
      assert.equal(session.text, `// a\n\n// b\n\n// c\n${BLOCK}`);
      assert.deepEqual(
        session.marked().map((line) => line.split(' ')[0]),
        ['6', '7', '8'],
        `insertion first: ${insertFirst}`,
      );
    }
  });

  it('a short word pasted is not taken for moved AI text, but undo and redo of a word accept are exact', () => {
    const session = new Session('const x = ;\n');
    session.event([{ change: insert(at(0, 10), 'maximum'), attribution: 'neutral', ai: { source: 'inline-partial' } }]);
    session.event([{ change: remove(at(0, 10), at(0, 17)), attribution: 'human' }]);
    session.event([{ change: insert(at(0, 10), 'maximum'), attribution: 'human', putsBack: 'moved' }]);
    assert.deepEqual(session.marked(), []);
    session.event([{ change: remove(at(0, 10), at(0, 17)), attribution: 'neutral', putsBack: 'exact' }]);
    session.event([{ change: insert(at(0, 10), 'maximum'), attribution: 'neutral', putsBack: 'exact' }]);
    assert.deepEqual(session.marked(), ['1 inline-partial/-/-']);
  });
});
