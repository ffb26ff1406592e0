import * as assert from 'node:assert/strict';
import { compactFacts } from '../../../src/core/index/compactFacts';
import type { FileFacts } from '../../../src/core/index/types';

function facts(name: string): FileFacts {
  return {
    language: 'typescript',
    imports: [{ specifier: './money', kind: 'static', line: 0, bindings: [{ imported: 'cents', local: 'cents' }] }],
    definitions: [
      { name, kind: 'function', startLine: 2, endLine: 4, exportedAs: [name], uses: ['cents'] },
      { name: 'helper', kind: 'function', startLine: 6, endLine: 7, exportedAs: [], uses: [] },
    ],
    exportAliases: [],
    topLevelUses: [],
  } as unknown as FileFacts;
}

describe('compactFacts', () => {
  it('keeps the facts as they were, with every empty list one shared frozen array', () => {
    const strings = new Map<string, string>();
    const first = compactFacts(facts('charge'), strings);
    const second = compactFacts(facts('refund'), strings);
    assert.deepEqual(first, facts('charge'));
    assert.deepEqual(JSON.parse(JSON.stringify(second)), facts('refund'));
    const empties = [first.definitions[1]!.exportedAs, first.definitions[1]!.uses, second.definitions[1]!.exportedAs];
    assert.ok(empties.every((list) => list === empties[0] && Object.isFrozen(list)));
    // One entry per distinct string of both files.
    assert.deepEqual([...strings.keys()].sort(), ['./money', 'cents', 'charge', 'function', 'helper', 'refund', 'static', 'typescript']);
  });
});
