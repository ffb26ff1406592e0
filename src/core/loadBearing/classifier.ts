import { STRUCTURE_CLASS, type LoadBearingClass } from './classDefinition';
import type { Codeowners, CodeownersDirectory, CodeownersRule } from './codeowners';
import { CodeownersClasses } from './codeownersClasses';
import { CLASS_GLOB_OPTIONS, CompiledClass, type ClassSegmentFacts, type SegmentedPath } from './compiledClass';
import { DEFAULT_CLASSES, DEFAULT_EXCLUDE } from './defaultClasses';
import { compileGlobSet, SEGMENT_MATCH, segmentFlagsMatch, type GlobSet } from './globSet';
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
  /** A keyword is in the segment (then a file's answer names it: "keyword ... in <name>"). */
  readonly keyword: boolean;
}

const NOT_LOAD_BEARING: Classification = Object.freeze({ classes: Object.freeze([]), severity: 'none' });
const NOTHING: SegmentFacts = Object.freeze({ never: 0, classes: undefined, keyword: false });

/** What the segments of one directory say, for every file directly in it. */
interface DirectoryFacts {
  readonly segments: readonly string[];
  /** A segment is never load-bearing as a directory (`tests/`, `node_modules/`). */
  readonly excluded: boolean;
  readonly facts: ReadonlyArray<SegmentFacts['classes']>;
  readonly saysSomething: boolean;
  /** Some anchored glob is keyed by one of its segments (else only a file's own name can bring one in). */
  readonly anchoredMayMatch: boolean;
  readonly codeowners: CodeownersDirectory | undefined;
  /** The answers shared by the files of the directory: by the owning CODEOWNERS rule when the name says nothing, else by its glob signature. */
  readonly files: Map<CodeownersRule | undefined | string, Classification>;
}
const MEMO_LIMIT = 200_000;
const SEGMENT_CACHE_LIMIT = 100_000;
const DIRECTORY_CACHE_LIMIT = 50_000;

/**
 * The one entry point for "is this file load-bearing, and why?". Combines
 * the named classes (by path), CODEOWNERS (by owner), and structure (by fan-in,
 * once the workspace index supplies dependent counts). Results are cached
 * per directory (most files' own names say nothing, so all of a directory's
 * such files share one answer), and per path for the rest, until the
 * structural input changes.
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
  private readonly directoryCache = new Map<string, DirectoryFacts>();

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
    this.neverLoadBearing = compileGlobSet([...(config.disableDefaultExclude ? [] : DEFAULT_EXCLUDE), ...config.exclude], CLASS_GLOB_OPTIONS);
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
    path = normalizeRepoPath(path);
    if (path === '') return NOT_LOAD_BEARING;
    const slash = path.lastIndexOf('/');
    const directory = this.directoryOf(slash < 0 ? '' : path.slice(0, slash));
    if (directory.excluded) return NOT_LOAD_BEARING;
    const name = slash < 0 ? path : path.slice(slash + 1);
    // Not cached: file names are mostly distinct, and cheap to look at.
    const lowerCased = name.toLowerCase();
    const nameFacts = this.segmentFacts(name, lowerCased, true);
    if (segmentFlagsMatch(nameFacts.never, true)) return NOT_LOAD_BEARING;
    const anchoredMayMatch = directory.anchoredMayMatch || this.anyGlob.anchoredKeyedBy(lowerCased, slash < 0);
    const rule = directory.codeowners && this.codeowners.ruleIn(directory.codeowners, name, path);
    // Most files: the name says nothing, or only matches globs, so the
    // directory, the owning rule and those globs decide, and every file of
    // the directory alike shares one answer.
    const shared = !nameFacts.keyword && !anchoredMayMatch && !this.structural.has(path);
    if (!shared) {
      // A file whose own name matters: its answer is remembered by path (callers compare answers by identity).
      let result = this.memo.get(path);
      if (!result) {
        if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
        this.memo.set(path, (result = this.classifyFile(path, directory, nameFacts, anchoredMayMatch, rule)));
      }
      return result;
    }
    const key = nameFacts === NOTHING ? rule : this.globSignature(name, nameFacts, rule);
    let result = directory.files.get(key);
    if (!result) directory.files.set(key, (result = this.classifyFile(path, directory, nameFacts, false, rule)));
    return result;
  }

  /**
   * What a file name matching class globs brings to its answer: the flags,
   * the owning rule, and the glob each class reports (`glob "*.tf"`).
   */
  private globSignature(name: string, nameFacts: SegmentFacts, rule: CodeownersRule | undefined): string {
    let signature = `${rule?.line ?? 0}|${nameFacts.never}`;
    nameFacts.classes?.forEach((facts, index) => {
      if (!facts) return;
      const glob = facts.include & SEGMENT_MATCH ? this.compiled[index]!.include.firstFileNameMatch(name) : -1;
      signature += `|${index}.${facts.include}.${facts.exclude}.${glob}`;
    });
    return signature;
  }

  private classifyFile(
    path: string,
    directory: DirectoryFacts,
    nameFacts: SegmentFacts,
    anchoredMayMatch: boolean,
    rule: CodeownersRule | undefined,
  ): Classification {
    const segments = [...directory.segments, path.slice(path.lastIndexOf('/') + 1)];
    const anchoredGlobsMayMatch = anchoredMayMatch && this.anyGlob.matchesAnchored(path, segments);
    if (anchoredGlobsMayMatch && this.neverLoadBearing.matchesAnchored(path, segments)) return NOT_LOAD_BEARING;
    const byPath = anchoredGlobsMayMatch || directory.saysSomething || nameFacts.classes !== undefined;
    const owned = this.codeowners.classesOfRule(rule);
    if (!byPath && owned.length === 0 && !this.structural.has(path)) return NOT_LOAD_BEARING;

    const view: SegmentedPath = { path, segments, facts: [...directory.facts, nameFacts.classes], anchoredGlobsMayMatch };
    const matches: ClassMatch[] = [];
    if (byPath) {
      for (const compiled of this.compiled) {
        const detail = compiled.matchPath(view);
        if (detail !== undefined && !compiled.excludes(view)) matches.push(toMatch(compiled.definition, 'path', detail));
      }
    }
    for (const { name, owner, rule: ownedBy } of owned) {
      const compiled = this.byName.get(name)!;
      if (matches.some((match) => match.name === name) || compiled.excludes(view)) continue;
      matches.push(toMatch(compiled.definition, 'codeowners', `owned by ${owner} (CODEOWNERS line ${ownedBy.line}: ${ownedBy.pattern})`));
    }
    const structureDetail = this.structural.get(path);
    if (structureDetail !== undefined) {
      matches.push({ name: STRUCTURE_CLASS, severity: this.fanIn.severity, reason: 'structure', detail: structureDetail });
    }
    if (matches.length === 0) return NOT_LOAD_BEARING;
    matches.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.name.localeCompare(b.name));
    const severity = matches.reduce<FileSeverity>((max, match) => maxSeverity(max, match.severity), 'none');
    return Object.freeze({ classes: Object.freeze(matches), severity });
  }

  /** What a directory's segments say, once per directory: files outnumber directories about ten to one. */
  private directoryOf(directory: string): DirectoryFacts {
    let facts = this.directoryCache.get(directory);
    if (facts === undefined) {
      if (this.directoryCache.size >= DIRECTORY_CACHE_LIMIT) this.directoryCache.clear();
      const segments = directory === '' ? [] : directory.split('/');
      const perSegment = segments.map((segment) => this.directorySegmentFacts(segment));
      facts = {
        segments,
        excluded: perSegment.some((segment) => segmentFlagsMatch(segment.never, false)),
        facts: perSegment.map((segment) => segment.classes),
        saysSomething: perSegment.some((segment) => segment.classes !== undefined),
        anchoredMayMatch: this.anyGlob.anchoredMayMatchIn(segments),
        codeowners: this.codeowners.directory(segments),
        files: new Map(),
      };
      this.directoryCache.set(directory, facts);
    }
    return facts;
  }

  /** Directory names repeat across thousands of paths: cached. */
  private directorySegmentFacts(segment: string): SegmentFacts {
    let facts = this.segmentCache.get(segment);
    if (facts === undefined) {
      if (this.segmentCache.size >= SEGMENT_CACHE_LIMIT) this.segmentCache.clear();
      this.segmentCache.set(segment, (facts = this.segmentFacts(segment)));
    }
    return facts;
  }

  /** `fileName`: the path's last segment, which directory-only globs (`tests/`) do not match. */
  private segmentFacts(segment: string, lowerCased = segment.toLowerCase(), fileName = false): SegmentFacts {
    const keywords = this.keywords.matchSegment(segment);
    const testGlobs = (fileName ? this.anyGlob.fileNameFlags(segment, lowerCased) : this.anyGlob.segmentFlags(segment, lowerCased)) !== 0;
    if (keywords === undefined && !testGlobs) return NOTHING;
    const never = testGlobs ? this.neverLoadBearing.segmentFlags(segment, lowerCased) : 0;
    const perClass = this.compiled.map((compiled) => compiled.segmentFacts(segment, keywords?.[compiled.index], testGlobs, lowerCased));
    const classes = perClass.some((entry) => entry !== undefined) ? perClass : undefined;
    return never === 0 && classes === undefined ? NOTHING : { never, classes, keyword: keywords !== undefined };
  }
}

function toMatch(definition: LoadBearingClass, reason: ClassReason, detail: string): ClassMatch {
  return { name: definition.name, severity: definition.severity, reason, detail };
}
