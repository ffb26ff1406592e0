import { SEVERITIES, type FileSeverity } from '../loadBearing/severity';
import { DEFAULT_RISK_MODEL, type BlastWeights, type RiskModelConfig, type RiskThresholds } from '../risk/riskModel';
import { readNumber, readObject, reportUnknownKeys } from './fields';
import { childPath, type ProblemReporter } from './problems';
import { BLAST_KEYS, RISK_KEYS, THRESHOLD_KEYS } from './projectConfig';

const WEIGHT_KEYS: readonly FileSeverity[] = ['none', ...SEVERITIES];

export function validateRisk(value: unknown, path: string, reporter: ProblemReporter): RiskModelConfig {
  const object = readObject(value, path, reporter);
  if (!object) return DEFAULT_RISK_MODEL;
  reportUnknownKeys(object, RISK_KEYS, path, reporter);
  return {
    thresholds: readThresholds(object['thresholds'], childPath(path, 'thresholds'), reporter),
    severityWeights: readWeights(object['severityWeights'], childPath(path, 'severityWeights'), reporter),
    blast: readBlast(object['blast'], childPath(path, 'blast'), reporter),
  };
}

function readThresholds(value: unknown, path: string, reporter: ProblemReporter): RiskThresholds {
  const defaults = DEFAULT_RISK_MODEL.thresholds;
  const object = readObject(value, path, reporter);
  if (!object) return defaults;
  reportUnknownKeys(object, THRESHOLD_KEYS, path, reporter);
  const read = (key: keyof RiskThresholds): number => readNumber(object[key], { above: 0 }, childPath(path, key), reporter) ?? defaults[key];
  const thresholds = { medium: read('medium'), high: read('high'), critical: read('critical') };
  if (thresholds.medium < thresholds.high && thresholds.high < thresholds.critical) return thresholds;
  reporter.report(
    path,
    `must increase (medium < high < critical), got ${thresholds.medium}, ${thresholds.high}, ${thresholds.critical}; using the defaults`,
  );
  return defaults;
}

function readWeights(value: unknown, path: string, reporter: ProblemReporter): Record<FileSeverity, number> {
  const defaults = DEFAULT_RISK_MODEL.severityWeights;
  const object = readObject(value, path, reporter);
  if (!object) return defaults;
  reportUnknownKeys(object, WEIGHT_KEYS, path, reporter);
  const weights = { ...defaults };
  for (const key of WEIGHT_KEYS) {
    weights[key] = readNumber(object[key], { minimum: 0 }, childPath(path, key), reporter) ?? defaults[key];
  }
  return weights;
}

function readBlast(value: unknown, path: string, reporter: ProblemReporter): BlastWeights {
  const defaults = DEFAULT_RISK_MODEL.blast;
  const object = readObject(value, path, reporter);
  if (!object) return defaults;
  reportUnknownKeys(object, BLAST_KEYS, path, reporter);
  return {
    perDependentDoubling:
      readNumber(object['perDependentDoubling'], { minimum: 0 }, childPath(path, 'perDependentDoubling'), reporter) ?? defaults.perDependentDoubling,
    perLoadBearingDependent:
      readNumber(object['perLoadBearingDependent'], { minimum: 0 }, childPath(path, 'perLoadBearingDependent'), reporter) ??
      defaults.perLoadBearingDependent,
    // Below 1 the "factor" would shrink scores of files with dependents.
    maxFactor: readNumber(object['maxFactor'], { minimum: 1 }, childPath(path, 'maxFactor'), reporter) ?? defaults.maxFactor,
  };
}
