import { parseCodeowners, type Codeowners, type CodeownersDirectory, type CodeownersRule } from './codeowners';
import type { CodeownersConfig } from './loadBearingConfig';

/** A class a path belongs to because of who owns it. */
export interface OwnedClass {
  readonly name: string;
  readonly owner: string;
  readonly rule: CodeownersRule;
}

/**
 * CODEOWNERS joined with `loadBearing.codeowners.owners`: which classes a
 * path belongs to through its owners. Owners are compared case-insensitively,
 * as GitHub handles are.
 */
export class CodeownersClasses {
  readonly problems: readonly string[];
  private readonly codeowners: Codeowners | undefined;
  private readonly classesByOwner: ReadonlyMap<string, readonly string[]>;

  /** `isClass` tells which class names exist (and are enabled). */
  constructor(config: CodeownersConfig, codeowners: string | Codeowners | undefined, isClass: (name: string) => boolean) {
    const problems: string[] = [];
    const classesByOwner = new Map<string, readonly string[]>();
    for (const [owner, names] of Object.entries(config.owners)) {
      for (const name of names.filter((candidate) => !isClass(candidate))) {
        problems.push(
          `\`.ai-provenance.json\`: loadBearing.codeowners.owners["${owner}"] refers to "${name}", which is not an enabled class; ignored`,
        );
      }
      const known = names.filter(isClass);
      if (known.length > 0) classesByOwner.set(owner.toLowerCase(), known);
    }
    // Parsing CODEOWNERS is only worth it when some owner maps to a class.
    if (config.enabled && classesByOwner.size > 0 && codeowners !== undefined) {
      this.codeowners = typeof codeowners === 'string' ? parseCodeowners(codeowners) : codeowners;
      problems.push(...this.codeowners.problems);
    }
    this.classesByOwner = classesByOwner;
    this.problems = problems;
  }

  /** Callers cache this per directory: see Codeowners.directory and matchIn. Undefined when not active. */
  directory(directorySegments: readonly string[]): CodeownersDirectory | undefined {
    return this.codeowners?.directory(directorySegments);
  }

  ruleIn(directory: CodeownersDirectory, name: string, path: string): CodeownersRule | undefined {
    return this.codeowners?.matchIn(directory, name, path);
  }

  classesOfRule(rule: CodeownersRule | undefined): OwnedClass[] {
    if (!rule) return [];
    return rule.owners.flatMap((owner) => (this.classesByOwner.get(owner.toLowerCase()) ?? []).map((name) => ({ name, owner, rule })));
  }

  /** False when no path can get a class this way (the common case: nothing mapped). */
  get active(): boolean {
    return this.codeowners !== undefined;
  }
}
