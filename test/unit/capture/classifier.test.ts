import * as assert from 'node:assert/strict';
import { CaptureClassifier } from '../../../src/core/capture/captureClassifier';
import type { ObservedChangeEvent, SelectionSpan } from '../../../src/core/capture/captureEvent';
import type { TextChange } from '../../../src/core/regions/positions';

const at = (line: number, character: number) => ({ line, character });
const insert = (line: number, character: number, text: string): TextChange => ({ start: at(line, character), end: at(line, character), text });
const cursor = (line: number, character: number): SelectionSpan => ({ start: at(line, character), end: at(line, character) });

function event(changes: TextChange[], options: Partial<ObservedChangeEvent> = {}): ObservedChangeEvent {
  return {
    documentKey: '/work/file.ts',
    changes,
    visibility: 'active',
    selections: [cursor(0, 0)],
    dirtyAfter: true,
    textAfter: () => '',
    at: 1_000,
    ...options,
  };
}

const BLOCK = 'export function add(a: number, b: number) {\n  return a + b;\n}\n';

describe('CaptureClassifier', () => {
  it('takes typing at the cursor as human, with no AI origin', () => {
    const classifier = new CaptureClassifier();
    const decisions = classifier.classify(event([insert(3, 4, 'x')], { selections: [cursor(3, 4)] }));
    assert.deepEqual(
      decisions.map((decision) => [decision.attribution, decision.ai]),
      [['human', undefined]],
    );
  });

  it('takes auto-closed pairs and Enter with indentation as typing', () => {
    const classifier = new CaptureClassifier();
    for (const text of ['()', '\n  \n', '\n    ']) {
      const [decision] = classifier.classify(event([insert(2, 2, text)], { selections: [cursor(2, 2)] }));
      assert.equal(decision.attribution, 'human', JSON.stringify(text));
      assert.equal(decision.ai, undefined);
    }
  });

  it('takes a block pasted or snippet-inserted at the cursor as human', () => {
    const classifier = new CaptureClassifier();
    const [decision] = classifier.classify(event([insert(5, 0, BLOCK)], { selections: [cursor(5, 0)] }));
    assert.equal(decision.ai, undefined);
    assert.equal(decision.attribution, 'human');
  });

  it("takes a block on the cursor's line (a line moved or copied, a refactoring of the selection) as the person's", () => {
    const classifier = new CaptureClassifier();
    const moved = { start: at(4, 0), end: at(6, 0), text: 'const second = compute(2);\nconst first = compute(1);\n' };
    const [decision] = classifier.classify(event([moved], { selections: [cursor(5, 7)] }));
    assert.equal(decision.ai, undefined);
    assert.equal(decision.attribution, 'human');
  });

  it('puts undo and redo back without changing authorship', () => {
    const classifier = new CaptureClassifier();
    const [decision] = classifier.classify(event([insert(5, 0, BLOCK)], { reason: 'undo', visibility: 'hidden', selections: [] }));
    assert.equal(decision.attribution, 'neutral');
    assert.equal(decision.ai, undefined);
  });

  it('marks a block inserted into a document nobody shows as agent, with high confidence', () => {
    const classifier = new CaptureClassifier();
    const [decision] = classifier.classify(event([insert(1, 0, BLOCK)], { visibility: 'hidden', selections: [] }));
    assert.equal(decision.ai?.source, 'agent');
    assert.equal(decision.ai?.confidence, 0.9);
    assert.equal(decision.attribution, 'neutral');
  });

  it('marks a block inserted away from the cursor of the active editor as chat, with lower confidence', () => {
    const classifier = new CaptureClassifier();
    const [decision] = classifier.classify(event([insert(10, 0, BLOCK)], { selections: [cursor(2, 3)] }));
    assert.equal(decision.ai?.source, 'chat');
    assert.ok((decision.ai?.confidence ?? 1) < 0.9);
  });

  it('does not take single-line tool edits (renames, imports, formatting) for AI', () => {
    const classifier = new CaptureClassifier();
    const rename = classifier.classify(
      event([insert(4, 6, 'renamedSymbol'), insert(9, 2, 'renamedSymbol')], { visibility: 'hidden', selections: [] }),
    );
    const importLine = classifier.classify(event([insert(0, 0, "import { x } from './x';\n")], { selections: [cursor(20, 0)] }));
    const format = classifier.classify(event([insert(3, 0, '  '), insert(7, 4, '\n    ')], { selections: [cursor(20, 0)] }));
    for (const decision of [...rename, ...importLine, ...format]) {
      assert.equal(decision.ai, undefined);
      assert.equal(decision.attribution, 'neutral', 'a tool reshaping text keeps authorship');
    }
  });

  it('counts content edits right after a tool block as part of the same burst', () => {
    const classifier = new CaptureClassifier();
    classifier.classify(event([insert(1, 0, BLOCK)], { visibility: 'hidden', selections: [], at: 1_000 }));
    const [during] = classifier.classify(event([insert(9, 0, 'const limit = 10;\n')], { visibility: 'hidden', selections: [], at: 2_000 }));
    const [after] = classifier.classify(event([insert(9, 0, 'const limit = 10;\n')], { visibility: 'hidden', selections: [], at: 9_000 }));
    assert.equal(during.ai?.source, 'agent');
    assert.equal(after.ai, undefined);
  });

  it('does not take a rename right after a tool block for part of its burst', () => {
    const classifier = new CaptureClassifier();
    classifier.classify(event([insert(1, 0, BLOCK)], { visibility: 'hidden', selections: [], at: 1_000 }));
    // What F2 does in another file: each usage (and import specifier, perhaps with an alias) replaced by the new name.
    const word = (line: number, text: string): TextChange => ({ start: at(line, 9), end: at(line, 16), text });
    const usages = [word(0, 'newName'), word(1, 'newName'), word(2, 'oldName as newName'), word(3, 'oldName: newName')];
    const decisions = classifier.classify(event(usages, { documentKey: '/work/other.ts', visibility: 'hidden', selections: [], at: 1_500 }));
    assert.deepEqual(
      decisions.map((decision) => [decision.attribution, decision.ai]),
      usages.map(() => ['neutral', undefined]),
    );
    // A line the tool writes in that burst still counts.
    const [line] = classifier.classify(
      event([{ start: at(5, 0), end: at(5, 20), text: 'const limit = 10;' }], { visibility: 'hidden', selections: [], at: 1_800 }),
    );
    assert.equal(line.ai?.source, 'agent');
  });

  it('marks the change that follows an inline accept signal, once', () => {
    const classifier = new CaptureClassifier();
    classifier.pending.add('/work/file.ts', { kind: 'inline', source: 'inline-partial', until: 5_000 });
    const [accepted] = classifier.classify(event([insert(1, 0, 'const')], { selections: [cursor(1, 0)] }));
    const [typed] = classifier.classify(event([insert(1, 5, ' ')], { selections: [cursor(1, 5)] }));
    assert.equal(accepted.ai?.source, 'inline-partial');
    assert.equal(accepted.ai?.confidence, 1);
    assert.equal(typed.ai, undefined);
  });

  it('ignores an expired inline signal', () => {
    const classifier = new CaptureClassifier();
    classifier.pending.add('/work/file.ts', { kind: 'inline', source: 'inline', until: 500 });
    const [decision] = classifier.classify(event([insert(1, 0, BLOCK)], { selections: [cursor(1, 0)] }));
    assert.equal(decision.ai, undefined);
  });

  it('does not take a block matching the pasted text for AI, wherever it lands', () => {
    const classifier = new CaptureClassifier();
    classifier.pending.add('/work/file.ts', { kind: 'paste', text: BLOCK.replace(/\n/g, '\r\n'), until: 5_000 });
    const [decision] = classifier.classify(event([insert(10, 0, BLOCK)], { selections: [cursor(2, 0)] }));
    assert.equal(decision.ai, undefined);
  });

  it('leaves tool edits to the setting', () => {
    const classifier = new CaptureClassifier(undefined, () => false);
    const [decision] = classifier.classify(event([insert(1, 0, BLOCK)], { visibility: 'hidden', selections: [] }));
    assert.equal(decision.ai, undefined);
  });

  it('expresses a reload from disk line by line against the last known text; the lines it changed stop counting as AI', () => {
    const before = 'one\ntwo\nthree\nfour\n';
    const after = 'one\nTWO\nthree\nfour\nfive\n';
    const classifier = new CaptureClassifier({ lastKnown: () => before, current: () => after });
    const reload = event([{ start: at(1, 0), end: at(4, 0), text: 'TWO\nthree\nfour\nfive\n' }], { dirtyAfter: false, textAfter: () => after });
    const decisions = classifier.classify(reload);
    assert.deepEqual(
      decisions.map((decision) => [decision.change, decision.attribution, decision.ai]),
      [
        [{ start: at(4, 0), end: at(4, 0), text: 'five\n' }, 'human', undefined],
        [{ start: at(1, 0), end: at(2, 0), text: 'TWO\n' }, 'human', undefined],
      ],
    );
  });

  it('takes the first edit of a clean document (reported before it turns dirty) as an edit, not a reload', () => {
    const classifier = new CaptureClassifier({ lastKnown: () => 'a\n', current: () => 'a\n' });
    const [decision] = classifier.classify(
      event([insert(1, 0, BLOCK)], { visibility: 'hidden', selections: [], dirtyAfter: false, textAfter: () => `a\n${BLOCK}` }),
    );
    assert.equal(decision.ai?.source, 'agent');
  });

  it("falls back to the editor's own reload change when the last known text does not explain it", () => {
    const classifier = new CaptureClassifier({ lastKnown: () => 'stale\n', current: () => 'x\nmore\n' });
    const change = { start: at(0, 0), end: at(1, 0), text: 'x\n' };
    const decisions = classifier.classify(event([change], { dirtyAfter: false, textAfter: () => 'x\nmore\n' }));
    assert.deepEqual(decisions, [{ change, attribution: 'human', putsBack: 'reload' }]);
  });

  it('reads no file for the first keystroke after a save, and still reads one for a reload', () => {
    let reads = 0;
    const classifier = new CaptureClassifier({
      lastKnown: () => 'const a = 1;\n',
      current: () => {
        reads++;
        return 'const a = 12;\n';
      },
    });
    // The caret sat at 0:11 and a character was typed there; the editor still calls the document clean.
    const [typed] = classifier.classify(
      event([insert(0, 11, '2')], { selections: [cursor(0, 11)], dirtyAfter: false, textAfter: () => 'const a = 12;\n' }),
    );
    assert.equal(reads, 0);
    assert.deepEqual([typed.attribution, typed.putsBack], ['human', undefined]);
    // Backspace and Enter at the caret are keystrokes too.
    classifier.classify(event([{ start: at(0, 10), end: at(0, 11), text: '' }], { selections: [cursor(0, 11)], dirtyAfter: false }));
    classifier.classify(event([insert(0, 13, '\n  ')], { selections: [cursor(0, 13)], dirtyAfter: false }));
    assert.equal(reads, 0);
    // The same change away from the caret may be git's: the disk is read and the reload recognised.
    const [reloaded] = classifier.classify(
      event([insert(0, 11, '2')], { selections: [cursor(3, 0)], dirtyAfter: false, textAfter: () => 'const a = 12;\n' }),
    );
    assert.equal(reads, 1);
    assert.equal(reloaded.putsBack, 'reload');
  });
});
