import { findNodeAtLocation, getNodeValue, parseTree, type JSONPath, type Node } from 'jsonc-parser';

/**
 * Edits of an agent's JSON (or JSONC) configuration that leave everything
 * else exactly as it was: comments, key order, indentation, line endings.
 * Only the entry we add is new text, laid out like its neighbours; removing
 * it takes out exactly that text again, so install then uninstall gives the
 * file back byte for byte.
 */
export function valueAt(text: string, path: JSONPath): unknown {
  const node = nodeAt(text, path);
  return node ? getNodeValue(node) : undefined;
}

/** Appends `value` to the array at `path`, creating the array (and missing parents) when needed. */
export function appendToArray(text: string, path: JSONPath, value: unknown): string {
  const array = nodeAt(text, path);
  if (array?.type === 'array') return insertEntry(text, array, value);
  return setValue(text, path, [value]);
}

/** Sets the value at `path` (an object property), creating missing parent objects. */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  const source = text.trim() === '' ? '{}\n' : text;
  // The deepest object that exists; what is missing below it becomes one nested value.
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = nodeAt(source, path.slice(0, depth));
    if (!parent) continue;
    if (parent.type !== 'object') throw new Error(`${path.slice(0, depth + 1).join('.')} is not an object in the configuration`);
    const nested = path.slice(depth + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
    return insertEntry(source, parent, nested, String(path[depth]));
  }
  throw new Error('the configuration is not a JSON object');
}

/** Removes the value at `path` together with the separator and layout that came with it. */
export function removeAt(text: string, path: JSONPath): string {
  const node = nodeAt(text, path);
  if (!node?.parent) return text;
  const entry = node.parent.type === 'property' ? node.parent : node;
  const container = entry.parent!;
  const siblings = container.children ?? [];
  const index = siblings.indexOf(entry);
  if (index > 0) {
    // From the end of the previous entry: its comma, the line break and indentation, the entry.
    const previous = siblings[index - 1];
    return text.slice(0, previous.offset + previous.length) + text.slice(entry.offset + entry.length);
  }
  if (siblings.length > 1) return text.slice(0, entry.offset) + text.slice(siblings[1].offset);
  // The only entry: the container becomes empty, as it was before it.
  return text.slice(0, container.offset + 1) + text.slice(container.offset + container.length - 1);
}

/** Removes the elements of the array at `path` that `isOurs` claims, then the containers left empty. */
export function removeFromArray(text: string, path: JSONPath, isOurs: (element: unknown) => boolean): string {
  const array = valueAt(text, path);
  if (!Array.isArray(array)) return text;
  let result = text;
  for (let index = array.length - 1; index >= 0; index--) if (isOurs(array[index])) result = removeAt(result, [...path, index]);
  return pruneEmpty(result, path);
}

/** Removes empty arrays and objects along `path`, deepest first (what an uninstall leaves behind). */
export function pruneEmpty(text: string, path: JSONPath): string {
  let result = text;
  for (let depth = path.length; depth > 0; depth--) {
    const value = valueAt(result, path.slice(0, depth));
    const empty = (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
    if (!empty) break;
    result = removeAt(result, path.slice(0, depth));
  }
  return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when `text` holds nothing but an object without keys (besides those in `ignorable`). */
export function isEmptyDocument(text: string, ignorable: readonly string[] = []): boolean {
  const tree = parseTree(text);
  const value = tree ? (getNodeValue(tree) as unknown) : undefined;
  return isPlainObject(value) && Object.keys(value).every((key) => ignorable.includes(key));
}

function nodeAt(text: string, path: JSONPath): Node | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  return tree && (path.length === 0 ? tree : findNodeAtLocation(tree, path));
}

/**
 * Inserts an element (or, with `key`, a property) at the end of
 * `container`, in the container's layout: on its own line, indented like
 * its siblings, when they are one per line; inline after a comma when the
 * container is written on one line.
 */
function insertEntry(text: string, container: Node, value: unknown, key?: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text);
  const children = container.children ?? [];
  const close = container.offset + container.length - 1;
  const containerIndent = lineIndent(text, container.offset);
  const last = children[children.length - 1];
  const multiline = last ? text.slice(container.offset, last.offset).includes('\n') : true;
  const indent = last ? lineIndent(text, last.offset) : containerIndent + unit;
  const entry = (layoutIndent: string, pretty: boolean) => {
    const json = pretty
      ? JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${layoutIndent}`)
      : JSON.stringify(value).replace(/([,:])(?=["{[\d\-tfn])/g, '$1 ');
    return key === undefined ? json : `${JSON.stringify(key)}: ${json}`;
  };
  if (!last) {
    const inner = text.slice(container.offset + 1, close);
    if (inner.includes('\n') || container.type === 'object' || container.parent === undefined) {
      return `${text.slice(0, container.offset + 1)}${eol}${indent}${entry(indent, true)}${eol}${containerIndent}${text.slice(close)}`;
    }
    return `${text.slice(0, container.offset + 1)}${entry('', false)}${text.slice(close)}`;
  }
  const at = last.offset + last.length;
  return multiline
    ? `${text.slice(0, at)},${eol}${indent}${entry(indent, true)}${text.slice(at)}`
    : `${text.slice(0, at)}, ${entry('', false)}${text.slice(at)}`;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function indentUnit(text: string): string {
  return /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
}
