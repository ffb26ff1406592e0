import { STRUCTURE_CLASS, type LoadBearingClass } from './classDefinition';
import type { Codeowners } from './codeowners';
import { CodeownersClasses } from './codeownersClasses';
import { CLASS_GLOB_OPTIONS, CompiledClass, type ClassSegmentFacts, type SegmentedPath } from './compiledClass';
import { DEFAULT_CLASSES, DEFAULT_EXCLUDE } from './defaultClasses';
import { compileGlobSet, segmentFlagsMatch, type GlobSet } from './globSet';
import { compileKeywordIndex, type KeywordIndex } from './keywords';
import { DEFAULT_LOAD_BEARING_CONFIG, type LoadBearingConfig, type UserLoadBearingSettings } from './loadBearingConfig';
import { mergeClassSources } from './mergeClassSources';
import { normalizeRepoPath } from './pathTokens';
import { maxSeverity, severityRank, type FileSeverity, type Severity } from './severity';
import { structuralThreshold } from './structural';

/** Why a file belongs to a class. */
export type ClassReason = 'path' | 'codeowners' | 'structure';

export interface ClassMatch {
  readonly name: string;
  readonly severity: Severity;
  readonly reason: ClassReason;
  /** Human-readable evidence, e.g. `keyword "payment" in "payments/"`. */
  readonly detail: string;
}

export interface Classification {
  /** One entry per class, highest severity first. */
  readonly classes: readonly ClassMatch[];
  /** The highest class severity, 'none' when the file is not load-bearing. */
  readonly severity: FileSeverity;
}

export interface ClassifierOptions {
  /** The project's `loadBearing` section; defaults when absent. */
  readonly loadBearing?: LoadBearingConfig;
  /** CODEOWNERS text (or an already parsed file). */
  readonly codeowners?: string | Codeowners;
  /** The user's `aiProvenance.loadBearing` setting. */
  readonly userSettings?: UserLoadBearingSettings;
  /** Replaces the built-in classes (tests). */
  readonly defaults?: readonly LoadBearingClass[];
}

/** What one path segment says about every class, computed once per distinct segment. */
interface SegmentFacts {
  /** SEGMENT_MATCH | DIRECTORY_MATCH of the never-load-bearing globs. */
  readonly never: number;
  readonly classes: ReadonlyArray<ClassSegmentFacts | undefined> | undefined;
}

const NOT_LOAD_BEARING: Classification = Object.freeze({ classes: Object.freeze([]), severity: 'none' });
const NOTHING: SegmentFacts = Object.freeze({ never: 0, classes: undefined });
const MEMO_LIMIT = 200_000;
const SEGMENT_CACHE_LIMIT = 100_000;

/**
 * The one entry point for "is this file load-bearing, and why?". Combines
 * the named classes (by path), CODEOWNERS (by owner), and structure (by fan-in,
 * once the workspace index supplies dependent counts). Results are memoized
 * per path until the structural input changes.
 */
export class LoadBearingClassifier {
  readonly classes: readonly LoadBearingClass[];
  /** Configuration mistakes found while building (CODEOWNERS syntax, unknown classes). */
  readonly problems: readonly string[];

  private readonly compiled: readonly CompiledClass[];
  private readonly byName: ReadonlyMap<string, CompiledClass>;
  private readonly neverLoadBearing: GlobSet;
  private readonly keywords: KeywordIndex;
  /**
   * Every glob of every class and of the exclusions in one set: most
   * segments and paths match none, and then need no per-class test.
   */
  private readonly anyGlob: GlobSet;
  private readonly codeowners: CodeownersClasses;
  private readonly fanIn: LoadBearingConfig['fanIn'];
  private structural: ReadonlyMap<string, string> = new Map();
  private readonly memo = new Map<string, Classification>();
  private readonly segmentCache = new Map<string, SegmentFacts>();

  static fromConfig(
    config: { readonly loadBearing: LoadBearingConfig },
    codeownersText?: string,
    userSettings?: UserLoadBearingSettings,
  ): LoadBearingClassifier {
    return new LoadBearingClassifier({
      loadBearing: config.loadBearing,
      ...(codeownersText !== undefined ? { codeowners: codeownersText } : {}),
      ...(userSettings !== undefined ? { userSettings } : {}),
    });
  }

  constructor(options: ClassifierOptions = {}) {
    const config = options.loadBearing ?? DEFAULT_LOAD_BEARING_CONFIG;
    this.classes = mergeClassSources(options.defaults ?? DEFAULT_CLASSES, config, options.userSettings);
    this.compiled = this.classes.map((definition, index) => new CompiledClass(definition, index));
    this.byName = new Map(this.compiled.map((compiled) => [compiled.definition.name, compiled]));
    this.neverLoadBearing = compileGlobSet(
      [...(config.disableDefaultExclude ? [] : DEFAULT_EXCLUDE), ...config.exclude],
      CLASS_GLOB_OPTIONS,
    );
    this.keywords = compileKeywordIndex(this.classes);
    this.anyGlob = compileGlobSet(
      [this.neverLoadBearing, ...this.compiled.flatMap((c) => [c.include, c.exclude])].flatMap((set) => set.patterns),
      CLASS_GLOB_OPTIONS,
    );
    this.fanIn = config.fanIn;

    this.codeowners = new CodeownersClasses(config.codeowners, options.codeowners, (name) => this.byName.has(name));
    this.problems = this.codeowners.problems;
  }

  /**
   * Structural load-bearing from the workspace index: path -> number of files
   * that depend on it. Applies `loadBearing.fanIn` (unless disabled).
   */
  setDependentCounts(dependentCounts: ReadonlyMap<string, number>): void {
    const structural = new Map<string, string>();
    if (this.fanIn.enabled) {
      const threshold = structuralThreshold(dependentCounts, this.fanIn);
      const top = Math.round((1 - this.fanIn.percentile) * 1000) / 10;
      for (const [path, count] of dependentCounts) {
        if (count >= threshold) {
          structural.set(path, `${count} dependents (top ${top}%: at least ${threshold})`);
        }
      }
    }
    this.setStructural(structural);
  }

  /** Structural load-bearing decided elsewhere: path -> detail to show. */
  setStructural(details: ReadonlyMap<string, string>): void {
    this.structural = new Map([...details].map(([path, detail]) => [normalizeRepoPath(path), detail]));
    this.memo.clear();
  }

  isLoadBearing(path: string): boolean {
    return this.classify(path).classes.length > 0;
  }

  /** Just the class names, e.g. for the workspace index's blast radius. */
  classNames(path: string): string[] {
    return this.classify(path).classes.map((match) => match.name);
  }

  classify(path: string): Classification {
    const key = normalizeRepoPath(path);
    let result = this.memo.get(key);
    if (!result) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      result = this.compute(key);
      this.memo.set(key, result);
    }
    return result;
  }

  private compute(path: string): Classification {
    if (path === '') return NOT_LOAD_BEARING;
    const segments = path.split('/');
    const last = segments.length - 1;
    const classFacts: Array<SegmentFacts['classes']> = new Array(segments.length);
    let segmentsSaySomething = false;
    for (let i = 0; i <= last; i++) {
      const facts = this.factsOf(segments[i]!);
      if (segmentFlagsMatch(facts.never, i === last)) return NOT_LOAD_BEARING;
      classFacts[i] = facts.classes;
      if (facts.classes !== undefined) segmentsSaySomething = true;
    }
    const anchoredGlobsMayMatch = this.anyGlob.matchesAnchored(path, segments);
    if (anchoredGlobsMayMatch && this.neverLoadBearing.matchesAnchored(path, segments)) return NOT_LOAD_BEARING;

    const byPath = anchoredGlobsMayMatch || segmentsSaySomething;
    // Most paths: no segment said anything, no anchored glob matched.
    if (!byPath && !this.codeowners.active && !this.structural.has(path)) return NOT_LOAD_BEARING;

    const view: SegmentedPath = { path, segments, facts: classFacts, anchoredGlobsMayMatch };
    const matches: ClassMatch[] = [];
    if (byPath) {
      for (const compiled of this.compiled) {
        const detail = compiled.matchPath(view);
        if (detail !== undefined && !compiled.excludes(view)) matches.push(toMatch(compiled.definition, 'path', detail));
      }
    }
    this.addCodeownersClasses(view, matches);
    const structureDetail = this.structural.get(path);
    if (structureDetail !== undefined) {
      matches.push({ name: STRUCTURE_CLASS, severity: this.fanIn.severity, reason: 'structure', detail: structureDetail });
    }
    if (matches.length === 0) return NOT_LOAD_BEARING;
    matches.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.name.localeCompare(b.name));
    const severity = matches.reduce<FileSeverity>((max, match) => maxSeverity(max, match.severity), 'none');
    return Object.freeze({ classes: Object.freeze(matches), severity });
  }

  private factsOf(segment: string): SegmentFacts {
    let facts = this.segmentCache.get(segment);
    if (facts === undefined) {
      if (this.segmentCache.size >= SEGMENT_CACHE_LIMIT) this.segmentCache.clear();
      const keywords = this.keywords.matchSegment(segment);
      const testGlobs = this.anyGlob.segmentFlags(segment) !== 0;
      if (keywords === undefined && !testGlobs) {
        facts = NOTHING;
      } else {
        const never = testGlobs ? this.neverLoadBearing.segmentFlags(segment) : 0;
        const perClass = this.compiled.map((compiled) => compiled.segmentFacts(segment, keywords?.[compiled.index], testGlobs));
        const classes = perClass.some((entry) => entry !== undefined) ? perClass : undefined;
        facts = never === 0 && classes === undefined ? NOTHING : { never, classes };
      }
      this.segmentCache.set(segment, facts);
    }
    return facts;
  }

  private addCodeownersClasses(path: SegmentedPath, matches: ClassMatch[]): void {
    for (const { name, owner, rule } of this.codeowners.classesOf(path.path, path.segments)) {
      const compiled = this.byName.get(name)!;
      if (matches.some((match) => match.name === name) || compiled.excludes(path)) continue;
      const detail = `owned by ${owner} (CODEOWNERS line ${rule.line}: ${rule.pattern})`;
      matches.push(toMatch(compiled.definition, 'codeowners', detail));
    }
  }
}

function toMatch(definition: LoadBearingClass, reason: ClassReason, detail: string): ClassMatch {
  return { name: definition.name, severity: definition.severity, reason, detail };
}
