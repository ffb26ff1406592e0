import { DEFAULT_LOAD_BEARING_CONFIG, type LoadBearingConfig } from '../loadBearing/loadBearingConfig';
import { DEFAULT_RISK_MODEL, type RiskModelConfig } from '../risk/riskModel';
import { DEFAULT_POLICY, type PolicyConfig } from './policy';

/** The committed, team-wide configuration file at the repository root. */
export const PROJECT_CONFIG_FILE = '.ai-provenance.json';

/** `.ai-provenance.json` with every default filled in. */
export interface ProjectConfig {
  readonly loadBearing: LoadBearingConfig;
  readonly risk: RiskModelConfig;
  readonly policy: PolicyConfig;
}

export const DEFAULT_PROJECT_CONFIG: ProjectConfig = Object.freeze({
  loadBearing: DEFAULT_LOAD_BEARING_CONFIG,
  risk: DEFAULT_RISK_MODEL,
  policy: DEFAULT_POLICY,
});

/** Property names per object, shared by the validators and the schema test. */
export const TOP_LEVEL_KEYS = ['$schema', 'loadBearing', 'risk', 'policy'] as const;
export const LOAD_BEARING_KEYS = ['classes', 'disableDefaults', 'exclude', 'disableDefaultExclude', 'codeowners', 'fanIn'] as const;
export const CODEOWNERS_KEYS = ['enabled', 'owners'] as const;
export const FAN_IN_KEYS = ['enabled', 'percentile', 'minDependents', 'severity'] as const;
export const RISK_KEYS = ['thresholds', 'severityWeights', 'blast'] as const;
export const THRESHOLD_KEYS = ['medium', 'high', 'critical'] as const;
export const BLAST_KEYS = ['perDependentDoubling', 'perLoadBearingDependent', 'maxFactor'] as const;
