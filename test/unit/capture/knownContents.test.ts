import * as assert from 'node:assert/strict';
import { KnownContents } from '../../../src/core/capture/knownContents';

describe('KnownContents', () => {
  it('forgets the least recently used texts beyond its size budget', () => {
    const known = new KnownContents(40, 100);
    const text = (character: string) => character.repeat(10);
    for (const key of ['a', 'b', 'c', 'd']) known.set(key, text(key));
    assert.equal(known.get('a'), text('a')); // a is now the most recent
    known.set('e', text('e'));
    assert.equal(known.peek('b'), undefined);
    assert.equal(known.peek('a'), text('a'));
    assert.equal(known.size, 4);
  });

  it('bounds the number of entries and refuses texts too large to keep', () => {
    const known = new KnownContents(1_000, 2);
    known.set('a', '1');
    known.set('b', '2');
    known.set('c', '3');
    assert.equal(known.peek('a'), undefined);
    known.set('huge', 'x'.repeat(600));
    assert.equal(known.peek('huge'), undefined);
    assert.equal(known.size, 2);
  });
});
