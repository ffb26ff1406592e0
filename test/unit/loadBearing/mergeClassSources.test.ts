import * as assert from 'node:assert/strict';
import type { LoadBearingClass } from '../../../src/core/loadBearing/classDefinition';
import { mergeClassSources } from '../../../src/core/loadBearing/mergeClassSources';

const DEFAULTS: readonly LoadBearingClass[] = [
  { name: 'auth', severity: 'critical', include: [], keywords: ['auth'], exclude: [], ignorePhrases: [] },
  { name: 'payments', description: 'Money', severity: 'critical', include: ['*.pay'], keywords: ['payment'], exclude: [], ignorePhrases: [] },
];

function byName(classes: readonly LoadBearingClass[]): Record<string, LoadBearingClass> {
  return Object.fromEntries(classes.map((definition) => [definition.name, definition]));
}

describe('mergeClassSources', () => {
  it('returns the defaults when nothing is configured', () => {
    assert.deepEqual(mergeClassSources(DEFAULTS, { classes: {}, disableDefaults: false }), DEFAULTS);
  });

  it('drops all defaults or the listed ones', () => {
    assert.deepEqual(mergeClassSources(DEFAULTS, { classes: {}, disableDefaults: true }), []);
    assert.deepEqual(
      mergeClassSources(DEFAULTS, { classes: {}, disableDefaults: ['auth'] }).map((c) => c.name),
      ['payments'],
    );
  });

  it('adds to the lists of a class and replaces its scalars', () => {
    const [, payments] = mergeClassSources(DEFAULTS, {
      classes: { payments: { severity: 'high', keywords: ['payout', 'payment'], exclude: ['legacy/'] } },
      disableDefaults: false,
    });
    assert.deepEqual(payments, {
      name: 'payments',
      description: 'Money',
      severity: 'high',
      include: ['*.pay'],
      keywords: ['payment', 'payout'],
      exclude: ['legacy/'],
      ignorePhrases: [],
    });
  });

  it('replaces the inherited lists with replace: true', () => {
    const merged = byName(mergeClassSources(DEFAULTS, { classes: { payments: { replace: true, keywords: ['stripe'] } }, disableDefaults: false }));
    assert.deepEqual(merged['payments']?.include, []);
    assert.deepEqual(merged['payments']?.keywords, ['stripe']);
  });

  it('creates new classes, high severity unless given', () => {
    const merged = byName(mergeClassSources(DEFAULTS, { classes: { 'ml-models': { include: ['*.onnx'] } }, disableDefaults: false }));
    assert.deepEqual(merged['ml-models'], {
      name: 'ml-models',
      severity: 'high',
      include: ['*.onnx'],
      keywords: [],
      exclude: [],
      ignorePhrases: [],
    });
  });

  it('layers user settings over the project, and lets each layer switch a class off or on', () => {
    const merged = mergeClassSources(
      DEFAULTS,
      { classes: { payments: { severity: 'high' }, auth: { enabled: false } }, disableDefaults: false },
      { classes: { payments: { severity: 'medium' }, auth: { enabled: true }, mine: { severity: 'low' } } },
    );
    assert.deepEqual(
      merged.map((c) => [c.name, c.severity]),
      [
        ['auth', 'critical'],
        ['payments', 'medium'],
        ['mine', 'low'],
      ],
    );
    const off = mergeClassSources(DEFAULTS, { classes: {}, disableDefaults: false }, { classes: { auth: { enabled: false } } });
    assert.deepEqual(
      off.map((c) => c.name),
      ['payments'],
    );
  });

  it('a project class replaces a disabled default from scratch', () => {
    const merged = byName(mergeClassSources(DEFAULTS, { classes: { payments: { keywords: ['money'] } }, disableDefaults: ['payments'] }));
    assert.deepEqual(merged['payments']?.keywords, ['money']);
    assert.equal(merged['payments']?.severity, 'high');
  });

  it('never lets a configured class take the reserved name "structure"', () => {
    const merged = mergeClassSources(DEFAULTS, { classes: { structure: { severity: 'low' } }, disableDefaults: false });
    assert.deepEqual(
      merged.map((c) => c.name),
      ['auth', 'payments'],
    );
  });
});
