import * as assert from 'node:assert/strict';
import { assessRegionRisk } from '../../../src/core/risk/regionRisk';
import { blastFacts, type BlastLookup } from '../../../src/core/views/blastLookup';
import { regionHoverMarkdown, type RegionHoverLinks } from '../../../src/core/views/regionHover';
import { PAYMENTS, PLAIN, radius, region } from './support';

const LINKS: RegionHoverLinks = {
  openFile: (path) => `open:${path}`,
  markReviewed: 'review:r',
  markUnreviewed: 'unreview:r',
  unmark: 'unmark:r',
};

function hover(blast: BlastLookup | undefined, classification = PAYMENTS, reviewed = false, maxDependents?: number) {
  const ai = region(3, ['export function postEntry() {', '  return 1;', '}'], { id: 'r', ...(reviewed ? { reviewed: { by: 'alice', at: 0 } } : {}) });
  const facts = blastFacts(blast);
  const risk = assessRegionRisk({ path: 'src/payments/ledger.ts', region: ai, loadBearing: classification, ...(facts ? { blast: facts } : {}) });
  return regionHoverMarkdown({
    path: 'src/payments/ledger.ts',
    region: ai,
    classification,
    blast,
    risk,
    links: LINKS,
    ...(maxDependents ? { maxDependents } : {}),
  });
}

const LEDGER = radius('src/payments/ledger.ts', [
  ['src/reports/daily.ts', 1],
  ['test/ledger.test.ts', 1, [], true],
  ['src/payments/refund.ts', 1, ['payments']],
  ['src/api/routes.ts', 2],
  ['src/checkout/cart.ts', 2, ['payments']],
]);

describe('region hover', () => {
  it('lists the dependents by depth, load-bearing first and tests last, each a link', () => {
    const text = hover(LEDGER);
    assert.match(text, /^\*\*AI-generated\*\* · inline · copilot · 3 AI lines · unreviewed/);
    assert.ok(text.includes('$(warning) **Load-bearing file**\n- **payments** (critical): keyword "payment" in "payments/"'));
    assert.ok(
      text.includes('**Risk: medium** · 3 unreviewed AI lines in src/payments/ledger.ts (payments: critical); 5 dependents, 2 load-bearing'),
      text,
    );
    assert.ok(text.includes('**Blast radius:** 5 dependent files, 2 load-bearing · from `postEntry`'));
    const depth1 = text.indexOf('*Depth 1 (direct)*');
    const depth2 = text.indexOf('*Depth 2*');
    assert.ok(depth1 > 0 && depth2 > depth1);
    const order = ['src/payments/refund.ts', 'src/reports/daily.ts', 'test/ledger.test.ts', 'src/checkout/cart.ts', 'src/api/routes.ts'].map((path) =>
      text.indexOf(`(open:${path}`),
    );
    assert.ok(
      order.every((index, i) => index > 0 && (i === 0 || index > order[i - 1]!)),
      `order: ${order}`,
    );
    assert.ok(text.includes('- $(warning) [src/payments/refund.ts](open:src/payments/refund.ts) · payments'));
    assert.ok(text.includes('[test/ledger.test.ts](open:test/ledger.test.ts) · test'));
    assert.ok(text.endsWith('[$(check) Mark reviewed](review:r) · [$(close) Unmark as AI](unmark:r)'));
  });

  it('stops listing at the limit and says how many more', () => {
    const text = hover(LEDGER, PAYMENTS, false, 2);
    assert.ok(text.includes('src/payments/refund.ts') && text.includes('src/reports/daily.ts'));
    assert.ok(!text.includes('*Depth 2*'));
    assert.ok(text.includes('*…and 3 more dependent files*'));
  });

  it('says "indexing" while pending and nothing about dependents without an index', () => {
    assert.ok(hover('pending').includes('\n\n**Blast radius:** indexing…\n\n'));
    assert.ok(hover(radius('src/payments/ledger.ts', [])).includes('**Blast radius:** no dependents'));
    const unavailable = hover('unavailable', PLAIN);
    assert.ok(!unavailable.includes('Blast radius'));
    assert.ok(!unavailable.includes('Load-bearing'));
    assert.ok(unavailable.includes('blast radius unknown (no index)'), 'the risk explanation says why the score is a lower bound');
    assert.ok(!hover(undefined).includes('Blast radius'), 'blast radii switched off');
  });

  it('offers to mark a reviewed region unreviewed', () => {
    const text = hover(LEDGER, PAYMENTS, true);
    assert.ok(text.includes('reviewed by alice'));
    assert.ok(text.includes('[$(circle-slash) Mark unreviewed](unreview:r)'));
    assert.ok(text.includes('**Risk: none**'));
  });

  it('escapes Markdown in paths', () => {
    const text = hover(radius('src/payments/ledger.ts', [['src/__init__.py', 1]]));
    assert.ok(text.includes('[src/\\_\\_init\\_\\_.py](open:src/__init__.py)'));
  });
});
