import * as assert from 'node:assert/strict';
import { aiLineCount, humanModifiedLines } from '../../../src/core/regions/region';
import { TrackedDocument, at } from '../../support/trackedDocument';

const SOURCE = [
  "import { price } from './price';",
  '',
  'export function total(items) {',
  '  let sum = 0;',
  '  for (const item of items) sum += price(item);',
  '  return sum;',
  '}',
  '',
  "export const name = 'cart';",
].join('\n');

const FUNCTION = SOURCE.split('\n').slice(2, 7).join('\n');

function trackedFunction(): TrackedDocument {
  const tracked = new TrackedDocument(SOURCE);
  tracked.markAi(FUNCTION);
  return tracked;
}

describe('region tracking', () => {
  describe('edits outside a region', () => {
    it('moves the region down when lines are inserted above it', () => {
      const tracked = trackedFunction();
      tracked.insert(at(0, 32), '\n// comment\n');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      assert.equal(tracked.regions.all[0].start.line, 4);
      tracked.assertConsistent();
    });

    it('moves the region up when lines above it are deleted', () => {
      const tracked = trackedFunction();
      tracked.replace(at(0, 0), at(1, 0), '');
      assert.equal(tracked.regions.all[0].start.line, 1);
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      tracked.assertConsistent();
    });

    it('ignores typing on lines above when the line count stays', () => {
      const tracked = trackedFunction();
      tracked.insert(at(0, 9), 'total, ');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      assert.deepEqual(tracked.regions.all[0].start, at(2, 0));
    });

    it('ignores edits below the region', () => {
      const tracked = trackedFunction();
      tracked.replaceText("'cart'", "'basket'");
      tracked.insert(at(8, 0), 'export const a = 1;\n');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
    });

    it('keeps text typed right after the region outside it', () => {
      const tracked = trackedFunction();
      tracked.insert(at(6, 1), ' // end of total');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      tracked.insert(at(6, 1), '\nexport function more() {}');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      tracked.assertConsistent();
    });

    it('keeps a line inserted right before the region outside it', () => {
      const tracked = trackedFunction();
      tracked.insert(at(2, 0), '/** Sums prices. */\n');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      assert.equal(tracked.regions.all[0].start.line, 3);
    });
  });

  describe('human edits inside a region', () => {
    it('records a line a human typed in as human-modified', () => {
      const tracked = trackedFunction();
      tracked.replaceText('let sum = 0', 'let sum = 0.0');
      assert.deepEqual(tracked.summary()[0].human, [1]);
      assert.deepEqual(humanModifiedLines(tracked.regions.all[0]), [3]);
      assert.equal(aiLineCount(tracked.regions.all[0]), 4);
      tracked.assertConsistent();
    });

    it('records deleting characters inside a line as a human rewrite', () => {
      const tracked = trackedFunction();
      tracked.replaceText(' sum += price(item)', ' sum += item');
      assert.deepEqual(tracked.summary()[0].human, [2]);
      tracked.assertConsistent();
    });

    it('grows the region with new human lines typed inside it', () => {
      const tracked = trackedFunction();
      tracked.insert(at(3, 14), '\n  if (!items) return 0;');
      const [region] = tracked.summary();
      assert.equal(region.text.split('\n').length, 6);
      assert.deepEqual(region.human, [2]);
      tracked.assertConsistent();
    });

    it('marks every line of a multi-line paste inside the region as human', () => {
      const tracked = trackedFunction();
      tracked.insert(at(5, 0), '  // a\n  // b\n');
      assert.deepEqual(tracked.summary()[0].human, [3, 4]);
      tracked.assertConsistent();
    });

    it('treats CRLF line breaks in inserted text as line breaks', () => {
      const tracked = trackedFunction();
      tracked.insert(at(3, 14), '\r\n  const tax = 0;\r\n  const fee = 0;');
      assert.deepEqual(tracked.summary()[0].human, [2, 3]);
      assert.equal(tracked.regions.all[0].end.line, 8);
      tracked.assertConsistent();
    });

    it('splits a line with Enter: both halves become human lines', () => {
      const tracked = trackedFunction();
      tracked.insert(at(4, 27), '\n   ');
      assert.deepEqual(tracked.summary()[0].human, [2, 3]);
      tracked.assertConsistent();
    });

    it('keeps authorship when a human only re-indents a line', () => {
      const tracked = trackedFunction();
      tracked.insert(at(3, 0), '  ');
      assert.deepEqual(tracked.summary()[0].human, []);
      tracked.assertConsistent();
    });

    it('keeps authorship when an empty line is opened and closed again', () => {
      const tracked = trackedFunction();
      tracked.insert(at(3, 14), '\n');
      tracked.replace(at(3, 14), at(4, 0), '');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
    });

    it('applies the several changes of a multi-cursor edit in order', () => {
      const tracked = trackedFunction();
      // The editor reports multi-cursor changes last-first, each valid in sequence.
      tracked.edit([
        { start: at(5, 12), end: at(5, 12), text: ' ?? 0' },
        { start: at(3, 13), end: at(3, 13), text: ' /* start */' },
      ]);
      assert.deepEqual(tracked.summary()[0].human, [1, 3]);
      tracked.assertConsistent();
    });

    it('replacing the start of the region with human text keeps it inside as human', () => {
      const tracked = trackedFunction();
      tracked.replace(at(2, 0), at(2, 21), 'function sum');
      const [region] = tracked.summary();
      assert.ok(region.text.startsWith('function sum(items)'));
      assert.deepEqual(region.human, [0]);
      tracked.assertConsistent();
    });
  });

  describe('deletions', () => {
    it('shrinks the region when a whole line inside it is deleted', () => {
      const tracked = trackedFunction();
      tracked.replace(at(4, 0), at(5, 0), '');
      const [region] = tracked.summary();
      assert.equal(region.text.split('\n').length, 4);
      assert.deepEqual(region.human, []);
      tracked.assertConsistent();
    });

    it('cuts the head when a deletion crosses the region start', () => {
      const tracked = trackedFunction();
      tracked.replace(at(1, 0), at(3, 0), '');
      const [region] = tracked.summary();
      assert.ok(region.text.startsWith('  let sum = 0;'));
      assert.equal(tracked.regions.all[0].start.line, 1);
      assert.deepEqual(region.human, []);
      tracked.assertConsistent();
    });

    it('cuts the tail when a deletion crosses the region end', () => {
      const tracked = trackedFunction();
      tracked.replace(at(5, 13), at(8, 0), '');
      const [region] = tracked.summary();
      assert.ok(region.text.endsWith('  return sum;'));
      assert.equal(tracked.regions.all[0].end.line, 5);
      tracked.assertConsistent();
    });

    it('deletes the region when its text is deleted', () => {
      const tracked = trackedFunction();
      tracked.replace(at(2, 0), at(7, 0), '');
      assert.deepEqual(tracked.summary(), []);
    });

    it('deletes the region when a larger deletion covers it', () => {
      const tracked = trackedFunction();
      tracked.replace(at(0, 0), at(8, 0), '');
      assert.deepEqual(tracked.summary(), []);
    });

    it('moves the region up when backspace joins the line before it', () => {
      const tracked = trackedFunction();
      tracked.replace(at(1, 0), at(2, 0), '');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      assert.deepEqual(tracked.regions.all[0].start, at(1, 0));
    });

    it('does not end the region on an empty piece after its last line is emptied', () => {
      const tracked = trackedFunction();
      tracked.replace(at(6, 0), at(6, 1), '');
      assert.equal(tracked.regions.all[0].end.line, 5);
      tracked.assertConsistent();
    });
  });

  describe('whole-text replacements', () => {
    it('keeps the region when the document is replaced by the same text (reload)', () => {
      const tracked = trackedFunction();
      tracked.replace(at(0, 0), at(8, 27), SOURCE, 'neutral');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      tracked.assertConsistent();
    });

    it('finds the region again when a replacement moved it', () => {
      const tracked = trackedFunction();
      const moved = `// header\n// more\n${SOURCE}`;
      tracked.replace(at(0, 0), at(8, 27), moved, 'neutral');
      assert.deepEqual(tracked.summary(), [{ text: FUNCTION, human: [] }]);
      assert.equal(tracked.regions.all[0].start.line, 4);
    });

    it('keeps what survived when a replacement rewrote part of the region', () => {
      const tracked = trackedFunction();
      const rewritten = SOURCE.replace('  let sum = 0;', '  let sum = 100;');
      tracked.replace(at(0, 0), at(8, 27), rewritten, 'human');
      assert.deepEqual(tracked.summary()[0].human, [1]);
      tracked.assertConsistent();
    });

    it('drops the region when a replacement kept none of its lines', () => {
      const tracked = trackedFunction();
      tracked.replace(at(0, 0), at(8, 27), 'something else\nentirely', 'human');
      assert.deepEqual(tracked.summary(), []);
    });
  });

  describe('formatters and other neutral edits', () => {
    it('keeps authorship of lines a formatter re-indents', () => {
      const tracked = trackedFunction();
      tracked.replace(at(3, 0), at(3, 2), '    ', 'neutral');
      tracked.replace(at(4, 0), at(4, 2), '    ', 'neutral');
      assert.deepEqual(tracked.summary()[0].human, []);
      tracked.assertConsistent();
    });

    it('gives lines a formatter splits off the authorship of the line they came from', () => {
      const tracked = trackedFunction();
      tracked.replace(at(4, 27), at(4, 28), '\n    ', 'neutral');
      assert.deepEqual(tracked.summary()[0].human, []);
      assert.equal(tracked.summary()[0].text.split('\n').length, 6);
      tracked.assertConsistent();
    });
  });

  describe('partial lines', () => {
    const LINE = 'const total = computeTotal(cart, { tax: true });';
    const COMPLETION = 'computeTotal(cart, { tax: true });';

    it('tracks a completion that starts in the middle of a line', () => {
      const tracked = new TrackedDocument(LINE);
      tracked.markAi(COMPLETION);
      tracked.insert(at(0, 0), 'export ');
      assert.deepEqual(tracked.summary(), [{ text: COMPLETION, human: [] }]);
      assert.deepEqual(tracked.regions.all[0].start, at(0, 21));
      tracked.assertConsistent();
    });

    it('does not count edits to the human part of the line as edits to the region', () => {
      const tracked = new TrackedDocument(LINE);
      tracked.markAi(COMPLETION);
      tracked.replaceText('total', 'grandTotal');
      assert.deepEqual(tracked.summary(), [{ text: COMPLETION, human: [] }]);
    });

    it('records a rewrite inside the completed part', () => {
      const tracked = new TrackedDocument(LINE);
      tracked.markAi(COMPLETION);
      tracked.replaceText('true', 'false');
      assert.deepEqual(tracked.summary(), [{ text: COMPLETION.replace('true', 'false'), human: [0] }]);
      tracked.assertConsistent();
    });

    it('cuts the completion when a deletion crosses its start', () => {
      const tracked = new TrackedDocument(LINE);
      tracked.markAi(COMPLETION);
      tracked.replace(at(0, 6), at(0, 26), '');
      // What is left is AI text, but a human cut into the line: a rewrite.
      assert.deepEqual(tracked.summary(), [{ text: '(cart, { tax: true });', human: [0] }]);
      tracked.assertConsistent();
    });
  });

  describe('AI insertions and explicit commands', () => {
    it('splits a region when an AI insertion lands inside it', () => {
      const tracked = trackedFunction();
      tracked.insertAi(at(3, 14), '\n  if (!items) return 0;');
      assert.deepEqual(
        tracked.regions.all.map((region) => [region.source, region.start.line, region.end.line]),
        [
          ['inline', 2, 3],
          ['agent', 4, 4],
          ['inline', 5, 7],
        ],
      );
      tracked.assertConsistent();
    });

    it('unmarking lines in the middle splits the region in two', () => {
      const tracked = trackedFunction();
      tracked.regions.unmark(at(4, 0), at(5, 0));
      assert.deepEqual(
        tracked.summary().map((region) => region.text.split('\n').length),
        [2, 2],
      );
      tracked.assertConsistent();
    });

    it('marking some lines reviewed leaves the rest unreviewed', () => {
      const tracked = trackedFunction();
      const marked = tracked.regions.markReviewed({ by: 'ana', at: 1 }, at(3, 0), at(5, 0));
      assert.equal(marked, 1);
      assert.deepEqual(
        tracked.regions.all.map((region) => [region.start.line, region.end.line, region.reviewed?.by ?? null]),
        [
          [2, 2, null],
          [3, 4, 'ana'],
          [5, 6, null],
        ],
      );
      tracked.assertConsistent();
    });

    it('keeps the id of a region on its first piece', () => {
      const tracked = trackedFunction();
      const id = tracked.regions.all[0].id;
      tracked.regions.unmark(at(4, 0), at(5, 0));
      assert.equal(tracked.regions.all[0].id, id);
      assert.notEqual(tracked.regions.all[1].id, id);
    });
  });
});
