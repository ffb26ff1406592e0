import type { Severity } from './severity';

/**
 * Name of the built-in "load-bearing by structure" class (high fan-in files).
 * Reserved: no configured class may use it.
 */
export const STRUCTURE_CLASS = 'structure';

/** Class names are short lower-case kebab-case words: they appear in trailers and policies. */
export const CLASS_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

/** A load-bearing class after all sources were merged. */
export interface LoadBearingClass {
  readonly name: string;
  readonly description?: string;
  readonly severity: Severity;
  /** Globs (see glob.ts), case-insensitive. */
  readonly include: readonly string[];
  /** Words or phrases matched against path words (see keywords.ts). */
  readonly keywords: readonly string[];
  /** Globs that veto this class for a path, whatever matched it. */
  readonly exclude: readonly string[];
  /** Phrases whose words never count as keywords of this class. */
  readonly ignorePhrases: readonly string[];
}

/**
 * A class as written in `.ai-provenance.json` or in user settings: every
 * field optional, layered over the class of the same name (see
 * mergeClassSources.ts).
 */
export interface ClassOverride {
  readonly description?: string;
  readonly severity?: Severity;
  readonly include?: readonly string[];
  readonly keywords?: readonly string[];
  readonly exclude?: readonly string[];
  readonly ignorePhrases?: readonly string[];
  /** Drop the lists inherited from lower layers instead of adding to them. */
  readonly replace?: boolean;
  /** false switches the class off; a higher layer may switch it back on. */
  readonly enabled?: boolean;
}

export const CLASS_OVERRIDE_KEYS = [
  'description',
  'severity',
  'include',
  'keywords',
  'exclude',
  'ignorePhrases',
  'replace',
  'enabled',
] as const satisfies ReadonlyArray<keyof ClassOverride>;

/** A class added without a severity is taken seriously: it was named on purpose. */
export const NEW_CLASS_SEVERITY: Severity = 'high';
