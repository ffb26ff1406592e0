import type { Node } from 'web-tree-sitter';
import type { DefinitionDraft, IndexRange } from './draft';

/**
 * Finds where known names (imported bindings, top-level definitions) are used
 * and which top-level definition uses them. A scanner proposes candidate
 * identifiers, tree-sitter confirms each one is an identifier node (not text
 * in a comment, string or property name). This costs one node lookup per
 * candidate instead of materialising every identifier of the file, which
 * measured slower than the parse itself.
 */

const OTHER = 0;
const WORD_START = 1;
const DIGIT = 2;

/** Each UTF-16 code unit's class for the scan: one lookup per character instead of a chain of comparisons. */
const CHARACTER_CLASS = (() => {
  const classes = new Uint8Array(65536);
  for (let code = 0; code < classes.length; code++) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || code > 127) classes[code] = WORD_START;
    else if (code >= 48 && code <= 57) classes[code] = DIGIT;
  }
  return classes;
})();

/**
 * Calls `found(start, name)` for every identifier-shaped word of `text` that is
 * in `names`, except after a single '.' (`obj.name` is a property; `...name` is a use).
 */
export function scanNames(text: string, names: ReadonlySet<string>, found: (start: number, name: string) => void): void {
  if (names.size === 0) return;
  // Most words are not names: a word whose length no name has is skipped without
  // slicing it out (the slices were most of this scan's garbage).
  let longest = 0;
  for (const name of names) longest = Math.max(longest, name.length);
  const nameLengths = new Uint8Array(longest + 1);
  for (const name of names) nameLengths[name.length] = 1;
  const length = text.length;
  let index = 0;
  while (index < length) {
    const kind = CHARACTER_CLASS[text.charCodeAt(index)];
    if (kind === OTHER) {
      index++;
      continue;
    }
    const start = index;
    index++;
    while (index < length && CHARACTER_CLASS[text.charCodeAt(index)] !== OTHER) index++;
    // Numbers are skipped whole, so `1e5` or `0xFF` never yield words.
    if (kind === DIGIT) continue;
    const afterDot =
      start > 0 && text.charCodeAt(start - 1) === 46 && !(start > 2 && text.charCodeAt(start - 2) === 46 && text.charCodeAt(start - 3) === 46);
    if (afterDot || index - start > longest || nameLengths[index - start] === 0) continue;
    const word = text.slice(start, index);
    if (names.has(word)) found(start, word);
  }
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
  /**
   * Names whose member accesses are recorded as `name.member` (imported
   * bindings: `ns.x` uses only `x` of a namespace); other uses stay `name`.
   */
  readonly memberNames?: ReadonlySet<string>;
}

function isDeclaredName(node: Node, declaringParents: ReadonlySet<string>): boolean {
  const parent = node.parent;
  return parent !== null && declaringParents.has(parent.type) && parent.childForFieldName('name')?.startIndex === node.startIndex;
}

/** Adds each confirmed use to the `uses` of its enclosing definitions, or to topLevelUses. */
export function collectUses(scan: UseScan): void {
  const statements = new StatementCursor(scan.root);
  scanNames(scan.text, scan.names, (start, name) => {
    const member = scan.memberNames?.has(name) === true && mayBeFollowedByMember(scan.text, start + name.length);
    const owners = scan.locator.at(start);
    // Uses are sets: a word that could only add what its owners already hold needs no confirming
    // (most words of a large file are repeats, and confirming one is a search of the tree).
    if (!member && alreadyUsedBy(owners, name, scan.topLevelUses)) return;
    if (insideAny(scan.excluded, start)) return;
    const node = statements.containing(start, start + name.length).descendantForIndex(start, start + name.length);
    if (!node || node.startIndex !== start || !scan.identifierTypes.has(node.type)) return;
    if (scan.declaringParents && isDeclaredName(node, scan.declaringParents)) return;
    const used = member ? memberUse(node, name) : name;
    if (!owners) {
      scan.topLevelUses.add(used);
      return;
    }
    for (const owner of owners) {
      if (owner.name === name) continue; // its own declaration
      (owner.uses ??= new Set()).add(used);
    }
  });
}

/** Whether recording `name` as used at a place `owners` enclose would change nothing. */
function alreadyUsedBy(owners: readonly DefinitionDraft[] | undefined, name: string, topLevelUses: ReadonlySet<string>): boolean {
  if (!owners) return topLevelUses.has(name);
  for (const owner of owners) if (owner.name !== name && owner.uses?.has(name) !== true) return false;
  return true;
}

/**
 * The top-level statement around a range, for ranges asked in ascending
 * order (as scanNames finds them): a search for the node at a range then
 * starts there, instead of walking the root's children one by one again for
 * every candidate name (tree-sitter's descendant search does).
 */
class StatementCursor {
  private readonly statements: Node[];
  private next = 0;

  constructor(private readonly root: Node) {
    this.statements = root.children.filter((child): child is Node => child !== null);
  }

  /** The statement holding [start, end), else the root (a range between statements, or asked out of order). */
  containing(start: number, end: number): Node {
    while (this.next < this.statements.length && this.statements[this.next]!.endIndex <= start) this.next++;
    const statement = this.statements[this.next];
    return statement && statement.startIndex <= start && end <= statement.endIndex ? statement : this.root;
  }
}

/**
 * False when no member access can follow the name ending at `end`: the next
 * token is not a '.' (or a `?.`, or a comment that might hide one). Told from
 * the text, this spares most uses memberUse's walk up the tree (tree-sitter
 * finds a node's parent by descending from the root again).
 */
function mayBeFollowedByMember(text: string, end: number): boolean {
  let index = end;
  while (isWhitespace(text.charCodeAt(index))) index++;
  const next = text.charCodeAt(index);
  return next === 46 || next === 63 || next === 47; // '.', '?', '/'
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** `name.member` when `node` is the object of a member access (`ns.x`, `ns.T` in a type, `<ns.C />`), else `name`. */
export function memberUse(node: Node, name: string): string {
  const parent = node.parent;
  if (!parent) return name;
  let property: Node | null = null;
  if (
    (parent.type === 'member_expression' || parent.type === 'nested_identifier') &&
    parent.childForFieldName('object')?.startIndex === node.startIndex
  ) {
    property = parent.childForFieldName('property');
  } else if (parent.type === 'nested_type_identifier' && parent.childForFieldName('module')?.startIndex === node.startIndex) {
    property = parent.childForFieldName('name');
  }
  if (!property || (property.type !== 'property_identifier' && property.type !== 'type_identifier')) return name;
  return `${name}.${property.text}`;
}
