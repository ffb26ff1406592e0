import type { LoadBearingClass } from './classDefinition';
import { compileGlobSet, segmentFlagsMatch, type GlobSet } from './globSet';

/** Class globs ignore case: `dockerfile` and `Dockerfile` are the same intent. */
export const CLASS_GLOB_OPTIONS = Object.freeze({ ignoreCase: true, braces: true, characterClasses: true });

/** What one path segment says about one class (see globSet.ts for the flags). */
export interface ClassSegmentFacts {
  readonly include: number;
  readonly exclude: number;
  readonly keyword: string | undefined;
}

/** A path split into segments, with each segment's facts per class. */
export interface SegmentedPath {
  readonly path: string;
  readonly segments: readonly string[];
  /** Per segment: facts per class index, or undefined when no class has any. */
  readonly facts: ReadonlyArray<ReadonlyArray<ClassSegmentFacts | undefined> | undefined>;
  /** False when a cheaper test showed that no anchored glob of any class matches. */
  readonly anchoredGlobsMayMatch: boolean;
}

/**
 * A class's globs ready to test paths against. Work that depends on one
 * segment is done by `segmentFacts` (which the classifier caches: directory
 * names repeat across thousands of files); the rest is one anchored-pattern
 * test per path. Keywords are matched for all classes at once by the
 * classifier's keyword index and handed in.
 */
export class CompiledClass {
  readonly include: GlobSet;
  readonly exclude: GlobSet;

  constructor(
    readonly definition: LoadBearingClass,
    readonly index: number,
  ) {
    this.include = compileGlobSet(definition.include, CLASS_GLOB_OPTIONS);
    this.exclude = compileGlobSet(definition.exclude, CLASS_GLOB_OPTIONS);
  }

  /** `testGlobs` false: a cheaper test already showed no slash-free glob matches. */
  segmentFacts(segment: string, keyword: string | undefined, testGlobs: boolean, lowerCased?: string): ClassSegmentFacts | undefined {
    const include = testGlobs ? this.include.segmentFlags(segment, lowerCased) : 0;
    const exclude = testGlobs ? this.exclude.segmentFlags(segment, lowerCased) : 0;
    return include === 0 && exclude === 0 && keyword === undefined ? undefined : { include, exclude, keyword };
  }

  excludes(path: SegmentedPath): boolean {
    return (
      (path.anchoredGlobsMayMatch && this.exclude.matchesAnchored(path.path, path.segments)) ||
      this.anySegment(path, (facts, last) => segmentFlagsMatch(facts.exclude, last))
    );
  }

  /**
   * Why the path belongs to the class by its name, e.g. `glob "*.tf"` or
   * `keyword "payment" in "payments/"`; undefined when it does not.
   */
  matchPath(path: SegmentedPath): string | undefined {
    const byGlob =
      (path.anchoredGlobsMayMatch && this.include.matchesAnchored(path.path, path.segments)) ||
      this.anySegment(path, (facts, last) => segmentFlagsMatch(facts.include, last));
    if (byGlob) return `glob "${this.include.firstMatch(path.path)}"`;
    for (let i = 0; i < path.segments.length; i++) {
      const keyword = path.facts[i]?.[this.index]?.keyword;
      if (keyword !== undefined) {
        return `keyword "${keyword}" in "${path.segments[i]}${i < path.segments.length - 1 ? '/' : ''}"`;
      }
    }
    return undefined;
  }

  private anySegment(path: SegmentedPath, test: (facts: ClassSegmentFacts, last: boolean) => boolean): boolean {
    const last = path.segments.length - 1;
    for (let i = 0; i <= last; i++) {
      const facts = path.facts[i]?.[this.index];
      if (facts && test(facts, i === last)) return true;
    }
    return false;
  }
}
