import type { ClassOverride } from './classDefinition';
import type { Severity } from './severity';

/** Maps CODEOWNERS owners to classes: `"@org/payments-team": ["payments"]`. */
export interface CodeownersConfig {
  readonly enabled: boolean;
  /** Owner (case-insensitive) -> class names. */
  readonly owners: Readonly<Record<string, readonly string[]>>;
}

/** Structural load-bearing: the files most other files depend on. */
export interface FanInConfig {
  readonly enabled: boolean;
  /** 0..1: a file qualifies at or above this quantile of dependent counts. */
  readonly percentile: number;
  /** ...and with at least this many dependents. */
  readonly minDependents: number;
  readonly severity: Severity;
}

/** The `loadBearing` section of `.ai-provenance.json`, defaults filled in. */
export interface LoadBearingConfig {
  /** Add classes or override built-in ones by name. */
  readonly classes: Readonly<Record<string, ClassOverride>>;
  /** true drops every built-in class; a list drops the named ones. */
  readonly disableDefaults: boolean | readonly string[];
  /** Globs that are never load-bearing, added to the built-in exclusions. */
  readonly exclude: readonly string[];
  /** Drop the built-in exclusions (tests, docs, node_modules). */
  readonly disableDefaultExclude: boolean;
  readonly codeowners: CodeownersConfig;
  readonly fanIn: FanInConfig;
}

export const DEFAULT_FAN_IN: FanInConfig = Object.freeze({
  enabled: true,
  percentile: 0.99,
  minDependents: 10,
  // Medium, not higher: the risk model already weighs the dependents
  // themselves (blast radius); this only makes hub files visible.
  severity: 'medium',
});

export const DEFAULT_LOAD_BEARING_CONFIG: LoadBearingConfig = Object.freeze({
  classes: Object.freeze({}),
  disableDefaults: false,
  exclude: Object.freeze([]),
  disableDefaultExclude: false,
  codeowners: Object.freeze({ enabled: true, owners: Object.freeze({}) }),
  fanIn: DEFAULT_FAN_IN,
});

/** What users put in the VS Code setting `aiProvenance.loadBearing`. */
export interface UserLoadBearingSettings {
  readonly classes?: Readonly<Record<string, ClassOverride>>;
}
