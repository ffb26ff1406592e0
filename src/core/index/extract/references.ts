import type { Node } from 'web-tree-sitter';
import type { DefinitionDraft, IndexRange } from './draft';

/**
 * Finds where known names (imported bindings, top-level definitions) are used
 * and which top-level definition uses them. A regular expression proposes
 * candidate positions, tree-sitter confirms each one is an identifier node
 * (not text in a comment, string or property name). This costs one node
 * lookup per candidate instead of materialising every identifier of the file,
 * which measured slower than the parse itself.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching any of `names` as a whole identifier. */
export function identifierPattern(names: Iterable<string>): RegExp | undefined {
  const escaped = [...names].filter((name) => name !== '').map(escapeRegExp);
  if (escaped.length === 0) return undefined;
  escaped.sort((a, b) => b.length - a.length);
  // Not after a single '.': `obj.name` is a property, not the binding; `...name` (spread) is a use.
  return new RegExp(`(?<![\\w$])(?<!(?<!\\.\\.)\\.)(?:${escaped.join('|')})(?![\\w$])`, 'g');
}

/** Top-level definitions sorted by position, for "which definition contains this index". */
export class DefinitionLocator {
  private readonly groups: { start: number; end: number; members: DefinitionDraft[] }[] = [];

  constructor(definitions: readonly DefinitionDraft[]) {
    const sorted = definitions.filter((d) => !d.method).sort((a, b) => a.startIndex - b.startIndex);
    for (const definition of sorted) {
      const last = this.groups[this.groups.length - 1];
      if (last && definition.startIndex < last.end) {
        last.members.push(definition);
        last.end = Math.max(last.end, definition.endIndex);
      } else {
        this.groups.push({ start: definition.startIndex, end: definition.endIndex, members: [definition] });
      }
    }
  }

  /** The definitions whose range contains `index` (several when one statement declares several names). */
  at(index: number): readonly DefinitionDraft[] | undefined {
    let low = 0;
    let high = this.groups.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const group = this.groups[mid]!;
      if (index < group.start) high = mid - 1;
      else if (index >= group.end) low = mid + 1;
      else return group.members.filter((m) => index >= m.startIndex && index < m.endIndex);
    }
    return undefined;
  }

  /** Name of the first definition containing `index`, '' for module level. */
  ownerName(index: number): string {
    return this.at(index)?.[0]?.name ?? '';
  }
}

function insideAny(ranges: readonly IndexRange[], index: number): boolean {
  for (const range of ranges) if (index >= range.start && index < range.end) return true;
  return false;
}

export interface UseScan {
  readonly text: string;
  readonly root: Node;
  readonly names: ReadonlySet<string>;
  /** Node types that count as a use of a name. */
  readonly identifierTypes: ReadonlySet<string>;
  /** Parent node types whose `name` child declares rather than uses (Python methods, nested classes). */
  readonly declaringParents?: ReadonlySet<string>;
  /** Statements whose identifiers are declarations, not uses (imports, export lists). */
  readonly excluded: readonly IndexRange[];
  readonly locator: DefinitionLocator;
  readonly topLevelUses: Set<string>;
}

function isDeclaredName(node: Node, declaringParents: ReadonlySet<string>): boolean {
  const parent = node.parent;
  return parent !== null && declaringParents.has(parent.type) && parent.childForFieldName('name')?.startIndex === node.startIndex;
}

/** Adds each confirmed use to the `uses` of its enclosing definitions, or to topLevelUses. */
export function collectUses(scan: UseScan): void {
  const pattern = identifierPattern(scan.names);
  if (!pattern) return;
  for (let match = pattern.exec(scan.text); match; match = pattern.exec(scan.text)) {
    const start = match.index;
    const name = match[0];
    if (insideAny(scan.excluded, start)) continue;
    const node = scan.root.descendantForIndex(start, start + name.length);
    if (!node || node.startIndex !== start || !scan.identifierTypes.has(node.type)) continue;
    if (scan.declaringParents && isDeclaredName(node, scan.declaringParents)) continue;
    const owners = scan.locator.at(start);
    if (!owners) {
      scan.topLevelUses.add(name);
      continue;
    }
    for (const owner of owners) {
      if (owner.name === name) continue; // its own declaration
      (owner.uses ??= new Set()).add(name);
    }
  }
}
