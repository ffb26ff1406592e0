import * as assert from 'node:assert/strict';
import { LoadBearingClassifier } from '../../../src/core/loadBearing/classifier';
import { blastRadiusAnnotation, classesText, dependentsText, loadBearingAnnotation } from '../../../src/core/views/annotationText';
import { PAYMENTS, radius, region } from './support';

const LEDGER = radius('src/payments/ledger.ts', [
  ['src/payments/refund.ts', 1, ['payments']],
  ['src/checkout/cart.ts', 1, ['payments']],
  ['src/reports/daily.ts', 1],
  ['src/api/routes.ts', 2],
]);

describe('annotation texts', () => {
  it('names the classes, and structure as "load-bearing by structure"', () => {
    assert.equal(classesText(PAYMENTS), 'payments');
    const structural = new LoadBearingClassifier();
    structural.setStructural(
      new Map([
        ['src/core/db.ts', '40 dependents'],
        ['src/payments/auth/3ds.ts', '12 dependents'],
      ]),
    );
    assert.equal(classesText(structural.classify('src/core/db.ts')), 'load-bearing by structure');
    assert.equal(classesText(structural.classify('src/payments/auth/3ds.ts')), 'auth, payments, load-bearing by structure');
  });

  it('abbreviates more than two named classes', () => {
    const many = new LoadBearingClassifier().classify('src/payments/auth/deploy/secrets.ts');
    assert.ok(many.classes.length > 2, 'the path should be in more than two classes');
    assert.match(classesText(many), /^[a-z-]+, [a-z-]+, \+\d+$/);
  });

  it('counts dependents, says when indexing, and says nothing without an index', () => {
    assert.equal(dependentsText(LEDGER), '4 dependents (2 load-bearing)');
    assert.equal(dependentsText(radius('a.ts', [['b.ts', 1]])), '1 dependent');
    assert.equal(dependentsText(radius('a.ts', [])), 'no dependents');
    assert.equal(dependentsText('pending'), 'blast radius: indexing…');
    assert.equal(dependentsText('unavailable'), undefined);
  });

  it('builds the load-bearing warning with or without the blast radius', () => {
    const ai = region(3, ['export function postEntry() {', '}']);
    assert.equal(loadBearingAnnotation(ai, PAYMENTS, LEDGER), 'AI-generated · payments · 4 dependents (2 load-bearing)');
    assert.equal(loadBearingAnnotation(ai, PAYMENTS, 'pending'), 'AI-generated · payments · blast radius: indexing…');
    assert.equal(loadBearingAnnotation(ai, PAYMENTS, 'unavailable'), 'AI-generated · payments');
    assert.equal(loadBearingAnnotation(ai, PAYMENTS), 'AI-generated · payments');
    const reviewed = region(3, ['x'], { reviewed: { by: 'alice', at: 0 } });
    assert.equal(loadBearingAnnotation(reviewed, PAYMENTS, LEDGER), 'AI-generated, reviewed by alice · payments · 4 dependents (2 load-bearing)');
  });

  it('keeps the blast-radius annotation quiet below the minimum and without an index', () => {
    const ai = region(0, ['const x = 1;']);
    assert.equal(blastRadiusAnnotation(ai, LEDGER, 1), 'AI-generated · 4 dependents (2 load-bearing)');
    assert.equal(blastRadiusAnnotation(ai, LEDGER, 5), undefined);
    assert.equal(blastRadiusAnnotation(ai, radius('a.ts', []), 1), undefined);
    assert.equal(blastRadiusAnnotation(ai, radius('a.ts', []), 0), 'AI-generated · no dependents');
    assert.equal(blastRadiusAnnotation(ai, 'pending', 3), 'AI-generated · blast radius: indexing…');
    assert.equal(blastRadiusAnnotation(ai, 'unavailable', 0), undefined);
  });
});
