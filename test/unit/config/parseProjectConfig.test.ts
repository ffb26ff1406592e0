import * as assert from 'node:assert/strict';
import { parseProjectConfig, validateProjectConfig } from '../../../src/core/config/parseProjectConfig';
import { DEFAULT_PROJECT_CONFIG } from '../../../src/core/config/projectConfig';
import { DEFAULT_LOAD_BEARING_CONFIG } from '../../../src/core/loadBearing/loadBearingConfig';
import { DEFAULT_RISK_MODEL } from '../../../src/core/risk/riskModel';

/** A complete, valid file: the example docs/LOAD_BEARING.md shows. */
export const FULL_EXAMPLE = {
  $schema: './schemas/ai-provenance.schema.json',
  loadBearing: {
    classes: {
      payments: { severity: 'critical', keywords: ['payout', 'settlement'], exclude: ['src/payments/fixtures/'] },
      'ml-models': { description: 'Model weights and feature code', severity: 'high', include: ['models/**', '*.onnx'] },
      config: { enabled: false },
    },
    disableDefaults: ['data-at-scale'],
    exclude: ['generated/', '*.pb.go'],
    disableDefaultExclude: false,
    codeowners: { enabled: true, owners: { '@acme/payments-team': 'payments', '@acme/security': ['auth', 'crypto-secrets'] } },
    fanIn: { enabled: true, percentile: 0.98, minDependents: 15, severity: 'high' },
  },
  risk: {
    thresholds: { medium: 20, high: 120, critical: 500 },
    severityWeights: { none: 0.5, critical: 12 },
    blast: { maxFactor: 4 },
  },
  policy: {
    failOn: ['payments', 'crypto-secrets'],
    failOnRiskLevel: 'critical',
    requireReviewedByTrailer: ['high', 'critical'],
    classes: { infra: { requireReviewedByTrailer: true, maxUnreviewedAiLines: 50 } },
    requireProvenance: ['payments', 'auth'],
    policyChanges: { acceptReviewedBy: ['*@security.example.com'] },
    annotations: 'github',
  },
};

describe('parseProjectConfig', () => {
  it('fills every default for an empty object', () => {
    assert.deepEqual(parseProjectConfig('{}'), { config: DEFAULT_PROJECT_CONFIG, problems: [] });
  });

  it('reads a complete file without problems', () => {
    const { config, problems } = parseProjectConfig(JSON.stringify(FULL_EXAMPLE));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.loadBearing, {
      classes: FULL_EXAMPLE.loadBearing.classes,
      disableDefaults: ['data-at-scale'],
      exclude: ['generated/', '*.pb.go'],
      disableDefaultExclude: false,
      codeowners: { enabled: true, owners: { '@acme/payments-team': ['payments'], '@acme/security': ['auth', 'crypto-secrets'] } },
      fanIn: { enabled: true, percentile: 0.98, minDependents: 15, severity: 'high' },
    });
    assert.deepEqual(config.risk, {
      thresholds: { medium: 20, high: 120, critical: 500 },
      severityWeights: { none: 0.5, low: 2, medium: 4, high: 6, critical: 12 },
      blast: { perDependentDoubling: 0.2, perLoadBearingDependent: 0.25, maxFactor: 4 },
    });
    assert.deepEqual(config.policy, FULL_EXAMPLE.policy);
  });

  it('accepts a byte-order mark', () => {
    assert.deepEqual(parseProjectConfig('\uFEFF{}').problems, []);
  });

  it('falls back to the defaults for invalid JSON or a non-object, saying why', () => {
    const broken = parseProjectConfig('{ "loadBearing": { ');
    assert.equal(broken.config, DEFAULT_PROJECT_CONFIG);
    assert.equal(broken.problems.length, 1);
    assert.match(broken.problems[0]!, /^`\.ai-provenance\.json`: is not valid JSON \(.+\); using the defaults$/);
    assert.deepEqual(parseProjectConfig('[1]').problems, ['`.ai-provenance.json`: must contain a JSON object; using the defaults']);
  });

  /** [what, file content, expected problems, (config) => the value that fell back, expected value] */
  const INVALID: ReadonlyArray<readonly [string, unknown, readonly string[], (c: typeof DEFAULT_PROJECT_CONFIG) => unknown, unknown]> = [
    [
      'a bad severity drops only that field',
      { loadBearing: { classes: { payments: { severity: 'severe', keywords: ['payout'] } } } },
      ['`.ai-provenance.json`: loadBearing.classes.payments.severity must be one of low|medium|high|critical'],
      (c) => c.loadBearing.classes,
      { payments: { keywords: ['payout'] } },
    ],
    [
      'a misspelt property is named, with a suggestion',
      { loadBearing: { clases: {} }, risks: {} },
      [
        '`.ai-provenance.json`: loadBearing.clases is not a known property (did you mean classes?); ignored',
        '`.ai-provenance.json`: risks is not a known property (did you mean risk?); ignored',
      ],
      (c) => c.loadBearing,
      DEFAULT_LOAD_BEARING_CONFIG,
    ],
    [
      'class names must be kebab-case and not "structure"',
      { loadBearing: { classes: { 'Payments Team': {}, structure: {}, ok: { include: ['x/'] } } } },
      [
        '`.ai-provenance.json`: loadBearing.classes["Payments Team"] "Payments Team" is not a valid class name (lower-case letters, digits and dashes, starting with a letter); ignored',
        '`.ai-provenance.json`: loadBearing.classes.structure "structure" is reserved for high fan-in files (see loadBearing.fanIn); ignored',
      ],
      (c) => Object.keys(c.loadBearing.classes),
      ['ok'],
    ],
    [
      'bad list entries are dropped one by one',
      { loadBearing: { classes: { auth: { keywords: ['sso', 3, '  ', '--'], include: 'auth/' } } } },
      [
        '`.ai-provenance.json`: loadBearing.classes.auth.keywords[1] must be a non-empty string; ignored',
        '`.ai-provenance.json`: loadBearing.classes.auth.keywords[2] must be a non-empty string; ignored',
        '`.ai-provenance.json`: loadBearing.classes.auth.keywords[3] "--" has no letters or digits to match; ignored',
        '`.ai-provenance.json`: loadBearing.classes.auth.include must be a list of strings; ignored',
      ],
      (c) => c.loadBearing.classes['auth'],
      { keywords: ['sso'] },
    ],
    [
      'disableDefaults only names built-in classes',
      { loadBearing: { disableDefaults: ['config', 'paymnts'] } },
      [
        '`.ai-provenance.json`: loadBearing.disableDefaults[1] "paymnts" is not a built-in class (auth, payments, crypto-secrets, infra, data-migrations, config, data-at-scale); ignored',
      ],
      (c) => c.loadBearing.disableDefaults,
      ['config'],
    ],
    [
      'disableDefaults of the wrong type',
      { loadBearing: { disableDefaults: 'all' } },
      ['`.ai-provenance.json`: loadBearing.disableDefaults must be true, false or a list of built-in class names; ignored'],
      (c) => c.loadBearing.disableDefaults,
      false,
    ],
    [
      'CODEOWNERS owners map to valid class names',
      { loadBearing: { codeowners: { enabled: 'yes', owners: { '@a/team': 'structure', '@b/team': ['auth', 'Bad'] } } } },
      [
        '`.ai-provenance.json`: loadBearing.codeowners.enabled must be true or false; ignored',
        '`.ai-provenance.json`: loadBearing.codeowners.owners["@a/team"] "structure" is reserved for high fan-in files (see loadBearing.fanIn); ignored',
        '`.ai-provenance.json`: loadBearing.codeowners.owners["@b/team"] "Bad" is not a valid class name (lower-case letters, digits and dashes, starting with a letter); ignored',
      ],
      (c) => c.loadBearing.codeowners,
      { enabled: true, owners: { '@b/team': ['auth'] } },
    ],
    [
      'fan-in numbers are range-checked',
      { loadBearing: { fanIn: { percentile: 99, minDependents: 2.5, severity: 'huge' } } },
      [
        '`.ai-provenance.json`: loadBearing.fanIn.percentile must be a number from 0 to 1',
        '`.ai-provenance.json`: loadBearing.fanIn.minDependents must be a whole number of at least 0',
        '`.ai-provenance.json`: loadBearing.fanIn.severity must be one of low|medium|high|critical',
      ],
      (c) => c.loadBearing.fanIn,
      DEFAULT_LOAD_BEARING_CONFIG.fanIn,
    ],
    [
      'thresholds must increase',
      { risk: { thresholds: { medium: 200 } } },
      ['`.ai-provenance.json`: risk.thresholds must increase (medium < high < critical), got 200, 150, 600; using the defaults'],
      (c) => c.risk.thresholds,
      DEFAULT_RISK_MODEL.thresholds,
    ],
    [
      'weights and blast settings are range-checked one by one',
      { risk: { severityWeights: { critical: -1, high: 8 }, blast: { maxFactor: 0.5, perDependentDoubling: 0.3 }, thresholds: { high: 0 } } },
      [
        '`.ai-provenance.json`: risk.thresholds.high must be a number greater than 0',
        '`.ai-provenance.json`: risk.severityWeights.critical must be a number of at least 0',
        '`.ai-provenance.json`: risk.blast.maxFactor must be a number of at least 1',
      ],
      (c) => [c.risk.severityWeights.critical, c.risk.severityWeights.high, c.risk.blast.maxFactor, c.risk.blast.perDependentDoubling],
      [10, 8, 3, 0.3],
    ],
    [
      'policy fields are checked and unknown ones kept',
      {
        policy: {
          failOn: ['payments', 'Nope'],
          failOnRiskLevel: 'none',
          requireReviewedByTrailer: ['high', 'extreme'],
          classes: { infra: { failOn: 1, custom: true } },
          future: { x: 1 },
        },
      },
      [
        '`.ai-provenance.json`: policy.failOnRiskLevel must be one of low|medium|high|critical',
        '`.ai-provenance.json`: policy.failOn[1] "Nope" is not a valid class name (lower-case letters, digits and dashes, starting with a letter); ignored',
        '`.ai-provenance.json`: policy.requireReviewedByTrailer[1] must be one of low|medium|high|critical; ignored',
        '`.ai-provenance.json`: policy.classes.infra.failOn must be true or false; ignored',
      ],
      (c) => c.policy,
      { future: { x: 1 }, failOn: ['payments'], requireReviewedByTrailer: ['high'], classes: { infra: { custom: true } } },
    ],
    [
      'requireProvenance and policyChanges: true or lists, anything else reported',
      { policy: { requireProvenance: 'auth', policyChanges: { acceptReviewedBy: 'yes', note: 1 } } },
      [
        '`.ai-provenance.json`: policy.requireProvenance must be true or a list of strings; ignored',
        '`.ai-provenance.json`: policy.policyChanges.acceptReviewedBy must be true or a list of strings; ignored',
      ],
      (c) => [c.policy.requireProvenance, c.policy.policyChanges],
      [undefined, { note: 1 }],
    ],
    [
      'requireProvenance: true and acceptReviewedBy: true',
      { policy: { requireProvenance: true, policyChanges: { acceptReviewedBy: true } } },
      [],
      (c) => [c.policy.requireProvenance, c.policy.policyChanges],
      [true, { acceptReviewedBy: true }],
    ],
    [
      'sections of the wrong type fall back whole',
      { loadBearing: [], risk: 'strict', policy: null, $schema: 7 },
      [
        '`.ai-provenance.json`: $schema must be a string; ignored',
        '`.ai-provenance.json`: loadBearing must be an object; ignored',
        '`.ai-provenance.json`: risk must be an object; ignored',
        '`.ai-provenance.json`: policy must be an object; ignored',
      ],
      (c) => c,
      DEFAULT_PROJECT_CONFIG,
    ],
  ];
  for (const [what, content, problems, pick, expected] of INVALID) {
    it(what, () => {
      const result = validateProjectConfig(content);
      // Problems come in the order the validator reads fields: compare as sets.
      assert.deepEqual([...result.problems].sort(), [...problems].sort());
      assert.deepEqual(pick(result.config), expected);
    });
  }

  it('never throws, whatever the JSON', () => {
    const values: unknown[] = [
      null,
      1,
      'x',
      true,
      { loadBearing: null },
      { loadBearing: { classes: [] } },
      { loadBearing: { classes: { a: null } } },
      { loadBearing: { codeowners: { owners: { '@x': null } } } },
      { risk: { thresholds: [] } },
      { policy: { classes: { a: 'b' } } },
    ];
    for (const value of values) assert.doesNotThrow(() => validateProjectConfig(value), JSON.stringify(value));
  });
});
