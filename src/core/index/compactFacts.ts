import type { FileFacts } from './types';

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Makes freshly received facts (cloned from a parse worker, or read from the
 * cache) cheaper to keep: each distinct string is kept once across files
 * (names, specifiers and kinds repeat from file to file; a large repository
 * has about five times fewer distinct strings than strings) and empty lists
 * share one frozen array. Facts are never changed after this, so sharing is
 * safe. Changes `facts` in place and returns it.
 */
export function compactFacts(facts: FileFacts, strings: Map<string, string>): FileFacts {
  compactObject(facts as unknown as Record<string, unknown>, strings);
  return facts;
}

function compactValue(item: unknown, strings: Map<string, string>): unknown {
  if (typeof item === 'string') {
    const known = strings.get(item);
    if (known !== undefined) return known;
    strings.set(item, item);
    return item;
  }
  if (Array.isArray(item)) {
    if (item.length === 0) return EMPTY;
    for (let index = 0; index < item.length; index++) item[index] = compactValue(item[index], strings);
    return item;
  }
  if (item !== null && typeof item === 'object') compactObject(item as Record<string, unknown>, strings);
  return item;
}

function compactObject(object: Record<string, unknown>, strings: Map<string, string>): void {
  for (const key in object) object[key] = compactValue(object[key], strings);
}
