import * as assert from 'node:assert/strict';
import { gitLines, findLines, linesHash } from '../../../src/core/signoff/contentHash';
import { parseSignOffNote } from '../../../src/core/signoff/parse';
import { serializeSignOff, signedPayload, signOffId } from '../../../src/core/signoff/payload';
import { SIGNOFF_SCHEMA, type SignOffDocument } from '../../../src/core/signoff/schema';

const DOCUMENT: SignOffDocument = {
  schema: SIGNOFF_SCHEMA,
  version: 1,
  reviewer: { name: 'Bob', email: 'bob@example.com' },
  signedOffAt: '2026-01-02T03:04:05.000Z',
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  scope: 'files',
  commits: [{ sha: 'c'.repeat(40), files: [{ path: 'src/payments/refund.ts', ranges: [{ start: 2, end: 3, sha256: 'd'.repeat(64) }] }] }],
  generator: 'ai-provenance test',
};

describe('sign-off documents', () => {
  it('sign the same bytes whatever the key order and without the signature; any value change changes them', () => {
    const { generator, ...rest } = DOCUMENT;
    const reordered = JSON.parse(JSON.stringify({ generator, ...rest, reviewer: { email: 'bob@example.com', name: 'Bob' } }));
    assert.equal(signedPayload(reordered), signedPayload(DOCUMENT));
    assert.equal(signedPayload({ ...DOCUMENT, signature: { format: 'ssh', signature: 'x' } }), signedPayload(DOCUMENT));
    assert.notEqual(signedPayload({ ...DOCUMENT, comment: 'x' }), signedPayload(DOCUMENT));
    assert.equal(signOffId(reordered), signOffId(DOCUMENT));
  });

  it('are stored one per line and read back; appended notes, blank lines and bad documents are handled', () => {
    const text = `${serializeSignOff(DOCUMENT)}\n\n${serializeSignOff({ ...DOCUMENT, comment: 'second' })}\nnot json\n${JSON.stringify({ ...DOCUMENT, version: 99 })}\n${JSON.stringify({ ...DOCUMENT, commits: [{ sha: 'c'.repeat(40), files: [{ path: 'a', ranges: [{ start: 3, end: 2, sha256: '' }] }] }] })}`;
    const { documents, problems } = parseSignOffNote(text);
    assert.deepEqual(
      documents.map((document) => document.comment),
      [undefined, 'second'],
    );
    assert.deepEqual(problems, [
      'a line of the sign-off note is not JSON',
      'sign-off version 99 is newer than this tool understands',
      'a sign-off of a has a malformed line range',
    ]);
  });
});

describe('content hashes of signed-off lines', () => {
  it('number lines as git does (CRLF as LF, no last empty line) and hash ranges of them', () => {
    const lines = gitLines('a\r\nb\nc\n');
    assert.deepEqual(lines, ['a', 'b', 'c']);
    assert.equal(linesHash(lines, 2, 3), linesHash(['x', 'b', 'c'], 2, 3));
    assert.notEqual(linesHash(lines, 1, 2), linesHash(lines, 2, 3));
    assert.equal(linesHash(lines, 3, 4), undefined);
  });

  it('find moved lines nearest to where they were', () => {
    const lines = ['b', 'c', 'x', 'b', 'c', 'y', 'b', 'c'];
    const hash = linesHash(['b', 'c'], 1, 2)!;
    assert.equal(findLines(lines, 2, hash, 5), 4);
    assert.equal(findLines(lines, 2, hash, 8), 7);
    assert.equal(findLines(lines, 2, linesHash(['z'], 1, 1)!, 1), undefined);
  });
});
