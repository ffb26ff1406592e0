import * as assert from 'node:assert/strict';
import { applyTrailers, hasContent, isEmptyButOurTrailers } from '../../../src/core/provenance/applyTrailers';
import { readTrailers } from '../../../src/core/provenance/messageLayout';
import { parseProvenanceTrailers } from '../../../src/core/provenance/parseTrailers';
import { withPreview, withoutPreview } from '../../../src/core/provenance/preview';
import { keepIndexedTrailers } from '../../../src/core/provenance/keepIndexedTrailers';
import type { Trailer } from '../../../src/core/provenance/trailers';

const OURS: Trailer[] = [
  { key: 'AI-Lines', value: '3/10' },
  { key: 'AI-Sources', value: 'agent' },
  { key: 'AI-Reviewed', value: '0/3' },
  { key: 'AI-Risk', value: 'low' },
];
const OURS_TEXT = 'AI-Lines: 3/10\nAI-Sources: agent\nAI-Reviewed: 0/3\nAI-Risk: low';

describe('applyTrailers (pure)', () => {
  it('adds a trailer paragraph after the body', () => {
    assert.equal(applyTrailers('Fix login\n\nLonger text.\n', OURS), `Fix login\n\nLonger text.\n\n${OURS_TEXT}\n`);
  });

  it('never treats the subject line as a trailer block', () => {
    assert.equal(applyTrailers('Fix: login\n', OURS), `Fix: login\n\n${OURS_TEXT}\n`);
  });

  it('keeps Signed-off-by and Co-authored-by and appends ours to their block', () => {
    const message = 'Fix login\n\nSigned-off-by: Ann <a@x>\nCo-authored-by: Bob <b@x>\n';
    assert.equal(applyTrailers(message, OURS), `Fix login\n\nSigned-off-by: Ann <a@x>\nCo-authored-by: Bob <b@x>\n${OURS_TEXT}\n`);
  });

  it('replaces its own trailers instead of duplicating them (amend), wherever they sit in the block', () => {
    const message = `Fix login\n\nAI-Lines: 1/2\nSigned-off-by: Ann <a@x>\nAI-Risk: critical\n  continued\n`;
    const result = applyTrailers(message, OURS);
    assert.equal(result, `Fix login\n\nSigned-off-by: Ann <a@x>\n${OURS_TEXT}\n`);
    assert.equal(applyTrailers(result, OURS), result, 'idempotent');
  });

  it('removes its trailers (and their paragraph) when there are none to add', () => {
    assert.equal(applyTrailers(`Fix login\n\n${OURS_TEXT}\n`, []), 'Fix login\n');
    assert.equal(applyTrailers(`Fix login\n\nSigned-off-by: A <a@x>\n${OURS_TEXT}\n`, []), 'Fix login\n\nSigned-off-by: A <a@x>\n');
    assert.equal(applyTrailers('Fix login\n', []), 'Fix login\n', 'a message without trailers is left as is');
  });

  it('puts trailers before the comment lines and the scissors section of an editor message', () => {
    const message =
      'Fix login\n\n# Please enter the commit message\n# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a/x b/x\n';
    const result = applyTrailers(message, OURS.slice(0, 1));
    assert.equal(
      result,
      'Fix login\n\nAI-Lines: 3/10\n\n# Please enter the commit message\n# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a/x b/x\n',
    );
  });

  it('honors another comment character', () => {
    const message = 'Fix login\n\n; Please enter the commit message\n';
    assert.equal(
      applyTrailers(message, OURS.slice(0, 1), { commentChar: ';' }),
      'Fix login\n\nAI-Lines: 3/10\n\n; Please enter the commit message\n',
    );
  });

  it('keeps CRLF line endings', () => {
    assert.equal(applyTrailers('Fix login\r\n\r\nBody\r\n', OURS.slice(0, 1)), 'Fix login\r\n\r\nBody\r\n\r\nAI-Lines: 3/10\r\n');
  });

  it('does not take a prose paragraph with a colon for trailers', () => {
    const message = 'Fix login\n\nNote: this changes the session lifetime\nand the cookie flags, see the ticket.\n';
    assert.equal(applyTrailers(message, OURS.slice(0, 1)), `${message}\nAI-Lines: 3/10\n`);
  });

  it('tells a message with only our trailers from one with content', () => {
    assert.equal(isEmptyButOurTrailers(`\n${OURS_TEXT}\n# comment\n`), true);
    assert.equal(isEmptyButOurTrailers(`Fix\n\n${OURS_TEXT}\n`), false);
    assert.equal(hasContent('# only a comment\n\n'), false);
    assert.equal(hasContent('Fix\n'), true);
  });
});

describe('trailer preview (editor flow)', () => {
  const editor = '\n# Please enter the commit message for your changes.\n#\n# On branch main\n';

  it('shows the trailers as comments and takes them away again exactly', () => {
    const previewed = withPreview(editor, OURS, '#');
    assert.match(previewed, /^# AI Provenance adds these trailers when you save the message:$/m);
    assert.match(previewed, /^# {3}AI-Lines: 3\/10$/m);
    assert.ok(previewed.startsWith('\n# Please enter'), 'the first line stays free for the subject');
    assert.equal(withoutPreview(previewed, '#').message, editor);
    assert.equal(withoutPreview(editor, '#').hadPreview, false);
  });

  it('goes above a scissors line so git cuts neither', () => {
    const verbose = `${editor}# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n`;
    const previewed = withPreview(verbose, OURS, '#');
    assert.ok(previewed.indexOf('AI Provenance adds') < previewed.indexOf('>8'));
  });
});

describe('reading trailers back', () => {
  it('parses our trailers, quoted paths and the omitted count', () => {
    const message = [
      'Add charge',
      '',
      'Reviewed-by: Carol <c@x>',
      'AI-Lines: 12/40',
      'AI-Sources: agent, inline',
      'AI-Tools: claude-code',
      'AI-Reviewed: 2/12',
      'AI-Load-Bearing: payments=src/pay/charge.ts, auth="src/a, b.ts", +2 more',
      'AI-Blast-Radius: 14 files, 2 load-bearing',
      'AI-Risk: high',
      '',
    ].join('\n');
    const parsed = parseProvenanceTrailers(message)!;
    assert.equal(parsed.aiLines, 12);
    assert.equal(parsed.addedLines, 40);
    assert.equal(parsed.reviewedLines, 2);
    assert.deepEqual(parsed.sources, ['agent', 'inline']);
    assert.deepEqual(parsed.loadBearing, [
      { className: 'payments', path: 'src/pay/charge.ts' },
      { className: 'auth', path: 'src/a, b.ts' },
    ]);
    assert.equal(parsed.loadBearingOmitted, 2);
    assert.deepEqual(parsed.blastRadius, { files: 14, loadBearing: 2 });
    assert.equal(parsed.risk, 'high');
    assert.deepEqual(parsed.reviewedBy, ['Carol <c@x>']);
  });

  it('returns nothing for a message without AI-Lines, and joins continuation lines', () => {
    assert.equal(parseProvenanceTrailers('Fix\n\nSigned-off-by: A <a@x>\n'), undefined);
    assert.deepEqual(readTrailers('Fix\n\nNote-To: a\n  b\n'), [{ key: 'Note-To', value: 'a b' }]);
  });
});

describe('keepIndexedTrailers: a hook does not drop what the editor measured', () => {
  const computed: Trailer[] = [
    { key: 'AI-Lines', value: '3/10' },
    { key: 'AI-Sources', value: 'agent' },
    { key: 'AI-Reviewed', value: '0/3' },
    { key: 'AI-Risk', value: 'low' },
  ];
  const fromEditor = 'Fix\n\nAI-Lines: 3/10\nAI-Sources: agent\nAI-Reviewed: 0/3\nAI-Blast-Radius: 14 files, 2 load-bearing\nAI-Risk: medium\n';

  it('keeps the editor trailers, blast radius included, for the same change', () => {
    const kept = keepIndexedTrailers(fromEditor, computed);
    assert.deepEqual(
      kept.map((trailer) => `${trailer.key}: ${trailer.value}`),
      ['AI-Lines: 3/10', 'AI-Sources: agent', 'AI-Reviewed: 0/3', 'AI-Blast-Radius: 14 files, 2 load-bearing', 'AI-Risk: medium'],
    );
  });

  it('recomputes when the change differs, or when there was no blast radius', () => {
    assert.equal(keepIndexedTrailers(fromEditor.replace('3/10', '4/11'), computed), computed);
    assert.equal(keepIndexedTrailers(fromEditor.replace('AI-Reviewed: 0/3', 'AI-Reviewed: 1/3'), computed), computed);
    assert.equal(keepIndexedTrailers('Fix\n\nAI-Lines: 3/10\nAI-Reviewed: 0/3\n', computed), computed);
  });
});
