import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateProjectConfig } from '../../../src/core/config/parseProjectConfig';
import { CLASS_POLICY_KEYS, POLICY_KEYS } from '../../../src/core/config/policy';
import { AI_RISK_LEVELS } from '../../../src/core/risk/riskLevel';
import {
  BLAST_KEYS,
  CODEOWNERS_KEYS,
  FAN_IN_KEYS,
  LOAD_BEARING_KEYS,
  RISK_KEYS,
  THRESHOLD_KEYS,
  TOP_LEVEL_KEYS,
} from '../../../src/core/config/projectConfig';
import { CLASS_NAME_PATTERN, CLASS_OVERRIDE_KEYS } from '../../../src/core/loadBearing/classDefinition';
import { DEFAULT_CLASSES } from '../../../src/core/loadBearing/defaultClasses';
import { DEFAULT_FAN_IN } from '../../../src/core/loadBearing/loadBearingConfig';
import { SEVERITIES } from '../../../src/core/loadBearing/severity';
import { DEFAULT_RISK_MODEL } from '../../../src/core/risk/riskModel';
import { resolveRef, validateAgainstSchema } from './miniJsonSchema';
import { FULL_EXAMPLE } from './parseProjectConfig.test';

type Schema = { readonly [keyword: string]: unknown };

const ROOT = join(__dirname, '..', '..', '..', '..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ai-provenance.schema.json'), 'utf8')) as Schema;

/** The schema at a path of property names, following $refs. */
function at(...path: string[]): Schema {
  let schema = SCHEMA;
  for (const key of path) {
    schema = resolveRef(SCHEMA, schema);
    const next = key === '*' ? schema['additionalProperties'] : (schema['properties'] as Record<string, Schema>)[key];
    assert.ok(next && typeof next === 'object', `schema has ${path.join('.')}`);
    schema = next as Schema;
  }
  return resolveRef(SCHEMA, schema);
}

function propertyNames(schema: Schema): string[] {
  return Object.keys(schema['properties'] as object).sort();
}

describe('schemas/ai-provenance.schema.json', () => {
  it('is draft-07', () => assert.equal(SCHEMA['$schema'], 'http://json-schema.org/draft-07/schema#'));

  const OBJECTS: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
    ['(top level)', [], TOP_LEVEL_KEYS],
    ['loadBearing', ['loadBearing'], LOAD_BEARING_KEYS],
    ['loadBearing.classes.*', ['loadBearing', 'classes', '*'], CLASS_OVERRIDE_KEYS],
    ['loadBearing.codeowners', ['loadBearing', 'codeowners'], CODEOWNERS_KEYS],
    ['loadBearing.fanIn', ['loadBearing', 'fanIn'], FAN_IN_KEYS],
    ['risk', ['risk'], RISK_KEYS],
    ['risk.thresholds', ['risk', 'thresholds'], THRESHOLD_KEYS],
    ['risk.severityWeights', ['risk', 'severityWeights'], ['none', ...SEVERITIES]],
    ['risk.blast', ['risk', 'blast'], BLAST_KEYS],
    ['policy', ['policy'], POLICY_KEYS],
    ['policy.classes.*', ['policy', 'classes', '*'], CLASS_POLICY_KEYS],
  ];
  for (const [name, path, keys] of OBJECTS) {
    it(`defines the properties the validator reads in ${name}`, () => {
      assert.deepEqual(propertyNames(at(...path)), [...keys].sort());
    });
  }

  it('is strict where the validator reports unknown properties, open where the gate extends', () => {
    for (const path of [[], ['loadBearing'], ['loadBearing', 'classes', '*'], ['risk'], ['risk', 'thresholds']]) {
      assert.equal(at(...path)['additionalProperties'], false, path.join('.'));
    }
    assert.equal(at('policy')['additionalProperties'], true);
    assert.equal(at('policy', 'classes', '*')['additionalProperties'], true);
  });

  it('uses the same enums and class-name pattern', () => {
    assert.deepEqual(at('loadBearing', 'fanIn', 'severity')['enum'], [...SEVERITIES]);
    assert.deepEqual(at('loadBearing', 'classes', '*', 'severity')['enum'], [...SEVERITIES]);
    assert.deepEqual(at('policy', 'failOnRiskLevel')['enum'], [...AI_RISK_LEVELS]);
    const disableDefaults = (at('loadBearing', 'disableDefaults')['oneOf'] as Schema[])[1]!;
    assert.deepEqual(
      (disableDefaults['items'] as Schema)['enum'],
      DEFAULT_CLASSES.map((c) => c.name),
    );
    const classNames = at('loadBearing', 'classes')['propertyNames'] as Schema;
    assert.equal(classNames['pattern'], CLASS_NAME_PATTERN.source);
    assert.deepEqual(classNames['not'], { enum: ['structure'] });
  });

  it('documents the defaults the code uses', () => {
    const defaults = (path: string[]): Record<string, unknown> =>
      Object.fromEntries(Object.entries(at(...path)['properties'] as Record<string, Schema>).map(([k, v]) => [k, v['default']]));
    assert.deepEqual(defaults(['risk', 'thresholds']), DEFAULT_RISK_MODEL.thresholds);
    assert.deepEqual(defaults(['risk', 'severityWeights']), DEFAULT_RISK_MODEL.severityWeights);
    assert.deepEqual(defaults(['risk', 'blast']), DEFAULT_RISK_MODEL.blast);
    assert.deepEqual(defaults(['loadBearing', 'fanIn']), DEFAULT_FAN_IN);
  });

  /** Examples the schema and the validator must judge alike. */
  const EXAMPLES: ReadonlyArray<readonly [string, unknown, boolean]> = [
    ['empty', {}, true],
    ['the full example', FULL_EXAMPLE, true],
    ['a new class', { loadBearing: { classes: { 'ml-models': { include: ['*.onnx'], severity: 'high' } } } }, true],
    ['disable all defaults', { loadBearing: { disableDefaults: true } }, true],
    ['an owner mapped to one class', { loadBearing: { codeowners: { owners: { '@a/b': 'payments' } } } }, true],
    ['policy extensions', { policy: { annotations: 'github', classes: { structure: { anything: 1 } } } }, true],
    ['unknown top-level property', { loadbearing: {} }, false],
    ['unknown class property', { loadBearing: { classes: { auth: { keyword: ['x'] } } } }, false],
    ['bad severity', { loadBearing: { classes: { payments: { severity: 'severe' } } } }, false],
    ['bad class name', { loadBearing: { classes: { Payments: {} } } }, false],
    ['reserved class name', { loadBearing: { classes: { structure: {} } } }, false],
    ['unknown default class', { loadBearing: { disableDefaults: ['billing'] } }, false],
    ['disableDefaults as a string', { loadBearing: { disableDefaults: 'all' } }, false],
    ['empty glob', { loadBearing: { exclude: [''] } }, false],
    ['blank glob', { loadBearing: { exclude: ['  '] } }, false],
    ['keyword without letters', { loadBearing: { classes: { auth: { keywords: ['--'] } } } }, false],
    ['owner mapped to structure', { loadBearing: { codeowners: { owners: { '@a/b': 'structure' } } } }, false],
    ['percentile above 1', { loadBearing: { fanIn: { percentile: 99 } } }, false],
    ['fractional minDependents', { loadBearing: { fanIn: { minDependents: 1.5 } } }, false],
    ['zero threshold', { risk: { thresholds: { medium: 0 } } }, false],
    ['negative weight', { risk: { severityWeights: { low: -1 } } }, false],
    ['unknown weight', { risk: { severityWeights: { extreme: 1 } } }, false],
    ['maxFactor below 1', { risk: { blast: { maxFactor: 0.5 } } }, false],
    ['failOnRiskLevel none', { policy: { failOnRiskLevel: 'none' } }, false],
    ['trailer level unknown', { policy: { requireReviewedByTrailer: ['extreme'] } }, false],
    ['failOn bad class name', { policy: { failOn: ['Payments'] } }, false],
    ['class policy wrong type', { policy: { classes: { infra: { failOn: 'yes' } } } }, false],
    ['not an object', [], false],
    // Known difference: the schema cannot say "thresholds must increase".
  ];
  for (const [what, example, valid] of EXAMPLES) {
    it(`agrees with the validator: ${what} is ${valid ? 'valid' : 'invalid'}`, () => {
      const schemaErrors = validateAgainstSchema(SCHEMA, example);
      const problems = validateProjectConfig(example).problems;
      assert.equal(schemaErrors.length === 0, valid, `schema: ${schemaErrors.join('; ')}`);
      assert.equal(problems.length === 0, valid, `validator: ${problems.join('; ')}`);
    });
  }
});
