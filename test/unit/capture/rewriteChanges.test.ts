import * as assert from 'node:assert/strict';
import { applyTextChanges, lineRewrites } from '../../../src/core/capture/rewriteChanges';
import { Random } from '../../support/random';

describe('lineRewrites', () => {
  it('turns before into after when applied in order, touching only changed lines', () => {
    const cases: Array<[string, string]> = [
      ['a\nb\nc', 'a\nB\nc'],
      ['a\nb\nc', 'a\nb\nc\nd'],
      ['a\nb\nc\n', 'x\na\nb\nc\n'],
      ['a\nb\nc', 'a'],
      ['a', ''],
      ['', 'new\nfile\n'],
      ['a\nb\nc\nd', 'a\nc\nd\ne'],
    ];
    for (const [before, after] of cases) {
      const changes = lineRewrites(before, after).map((rewrite) => rewrite.change);
      assert.equal(applyTextChanges(before, changes), after, JSON.stringify([before, after]));
    }
  });

  it('holds for random line edits', () => {
    const random = new Random(7);
    const words = ['alpha', 'beta', 'gamma', '', 'delta', '}'];
    for (let round = 0; round < 300; round++) {
      const before = Array.from({ length: random.int(8) }, () => random.pick(words)).join('\n');
      const lines = before.split('\n');
      for (let edit = 0; edit < 3; edit++) {
        const at = random.int(lines.length + 1);
        if (random.chance(0.5)) lines.splice(at, 1);
        else lines.splice(at, 0, random.pick(words));
      }
      const after = lines.join('\n');
      const changes = lineRewrites(before, after).map((rewrite) => rewrite.change);
      assert.equal(applyTextChanges(before, changes), after, JSON.stringify([before, after]));
    }
  });

  it('refuses changes made to another text (a position the text does not have)', () => {
    const change = { start: { line: 0, character: 0 }, end: { line: 8, character: 1 }, text: 'x\n' };
    assert.equal(applyTextChanges('one\ntwo\n', [change]), undefined);
    assert.equal(applyTextChanges('one\n', [{ start: { line: 0, character: 5 }, end: { line: 0, character: 5 }, text: '!' }]), undefined);
  });
});
