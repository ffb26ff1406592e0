// The preview's pure rules, run in the extension host with the other commit
// tests (they need no editor, but belong to this feature's suite).
import * as assert from 'node:assert/strict';
import type { Trailer } from '../../../src/core/provenance';
import { InputBoxActivity, messageWithPreview } from '../../../src/extension/commit/preview';

const TRAILERS: Trailer[] = [
  { key: 'AI-Lines', value: '3/5' },
  { key: 'AI-Reviewed', value: '0/3' },
];
const BLOCK = 'AI-Lines: 3/5\nAI-Reviewed: 0/3';

describe('commit: preview rules', () => {
  it('adds the block below a message, and replaces an older one', () => {
    assert.equal(messageWithPreview('Fix rounding', TRAILERS, '#'), `Fix rounding\n\n${BLOCK}`);
    assert.equal(messageWithPreview('Fix rounding\n\nAI-Lines: 1/5\nAI-Reviewed: 1/1', TRAILERS, '#'), `Fix rounding\n\n${BLOCK}`);
    assert.equal(messageWithPreview(`Fix rounding\n\n${BLOCK}`, TRAILERS, '#'), undefined, 'up to date: no write');
  });

  it('keeps the body and other trailers, and puts ours after them', () => {
    const message = 'Fix rounding\n\nHalf-even now.\n\nSigned-off-by: Ann <ann@example.com>';
    assert.equal(messageWithPreview(message, TRAILERS, '#'), `${message}\n${BLOCK}`);
  });

  it('never fills a box without a message', () => {
    for (const empty of ['', '\n', '   ', '# a comment', '#\n# more comments\n'])
      assert.equal(messageWithPreview(empty, TRAILERS, '#'), undefined, JSON.stringify(empty));
  });

  it('empties a box holding nothing but our trailers', () => {
    assert.equal(messageWithPreview(`\n\n${BLOCK}`, TRAILERS, '#'), '');
    assert.equal(messageWithPreview('AI-Lines: 3/5', [], '#'), '');
  });

  it('removes the block when nothing is staged, and leaves a box without one alone', () => {
    assert.equal(messageWithPreview(`Fix rounding\n\n${BLOCK}`, [], '#'), 'Fix rounding');
    // Trailing lines the user is typing stay as they are.
    assert.equal(messageWithPreview('Fix rounding\n\n', [], '#'), undefined);
    assert.equal(messageWithPreview('Fix rounding\n\nSigned-off-by: Ann <ann@example.com>', [], '#'), undefined);
  });

  it('honours core.commentChar, and reads "auto" as #', () => {
    assert.equal(messageWithPreview('; only a comment', TRAILERS, ';'), undefined);
    assert.equal(messageWithPreview('# only a comment', TRAILERS, 'auto'), undefined);
    assert.equal(messageWithPreview('Fix\n; a comment', TRAILERS, ';'), `Fix\n\n${BLOCK}\n; a comment`);
  });

  describe('typing detection', () => {
    function activity(initial: string) {
      const box = { value: initial };
      let time = 0;
      const watched = new InputBoxActivity(box, 1000, () => time);
      return { box, watched, advance: (ms: number) => (time += ms) };
    }

    it('is quiet once the value stayed the same long enough, sampled without gaps', () => {
      const { box, watched, advance } = activity('Fix');
      for (let elapsed = 0; elapsed < 1500; elapsed += 250) {
        advance(250);
        assert.equal(watched.quietFor(1500), elapsed + 250 >= 1500, `after ${elapsed + 250} ms`);
      }
      box.value = 'Fix r';
      advance(250);
      assert.equal(watched.quietFor(1500), false, 'a change starts the wait again');
    });

    it('counts a gap between samples as typing (the host may have been blocked)', () => {
      const { watched, advance } = activity('Fix');
      advance(5000);
      assert.equal(watched.quietFor(1500), false);
      advance(250);
      assert.equal(watched.quietFor(250), true);
    });

    it('does not count its own writes', () => {
      const { box, watched, advance } = activity('Fix');
      advance(250);
      watched.quietFor(0);
      watched.write('Fix\n\nAI-Lines: 1/1');
      advance(250);
      assert.equal(watched.quietFor(500), true);
      assert.equal(box.value, 'Fix\n\nAI-Lines: 1/1');
    });
  });
});
