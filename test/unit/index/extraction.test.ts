import * as assert from 'node:assert/strict';
import { extractFacts } from '../../../src/core/index/parserHost';

describe('index: symbol extraction', () => {
  it('extracts TypeScript imports, exports, definitions and the imported names each definition uses', async () => {
    const facts = await extractFacts(
      'typescript',
      [
        "import def, { a as b, type T } from './x';",
        "import * as ns from 'pkg';",
        "export * from './all';",
        "export { q as r } from './q';",
        'export default function main(): T { return b(ns.v); }',
        'export const one = 1, two = def;',
        'class Service {\n  run() { return helper(); }\n}',
        'function helper() { return one; }',
        'export interface Shape { t: T }',
        'export type Id = string;',
        'export enum Color { Red }',
        'export { Service as Svc };',
        "export async function lazy() { return import('./lazy'); }",
      ].join('\n'),
    );
    assert.deepEqual(
      facts.imports.map((i) => [i.specifier, i.kind]),
      [
        ['./x', 'static'],
        ['pkg', 'static'],
        ['./all', 'reexport'],
        ['./q', 'reexport'],
        ['./lazy', 'dynamic'],
      ],
    );
    assert.deepEqual(facts.imports[0]!.bindings, [
      { imported: 'default', local: 'def' },
      { imported: 'a', local: 'b' },
      { imported: 'T', local: 'T' },
    ]);
    assert.equal(facts.imports[2]!.reexportAll, true);
    assert.deepEqual(facts.imports[3]!.reexports, [{ imported: 'q', exported: 'r' }]);
    assert.equal(facts.imports[4]!.user, 'lazy');
    const byName = new Map(facts.definitions.map((d) => [d.name, d]));
    assert.deepEqual([...byName.keys()], ['main', 'one', 'two', 'Service', 'Service.run', 'helper', 'Shape', 'Id', 'Color', 'lazy']);
    assert.deepEqual(byName.get('main')!.exportedAs, ['default']);
    assert.deepEqual(new Set(byName.get('main')!.uses), new Set(['T', 'b', 'ns.v']));
    assert.deepEqual(byName.get('two')!.uses, ['def']);
    assert.deepEqual(byName.get('Service')!.uses, ['helper']);
    assert.deepEqual(byName.get('helper')!.uses, ['one']);
    assert.equal(byName.get('Service.run')!.kind, 'method');
    assert.deepEqual([byName.get('Shape')!.kind, byName.get('Id')!.kind, byName.get('Color')!.kind], ['interface', 'type', 'enum']);
    assert.deepEqual(facts.exportAliases, [{ local: 'Service', exported: 'Svc' }]);
    assert.equal(byName.get('main')!.startLine, 4);
  });

  it('ignores names in comments, strings and property positions when collecting uses', async () => {
    const facts = await extractFacts(
      'typescript',
      "import { foo, bar } from './x';\nexport function f() {\n  // foo\n  return ['foo', obj.foo, { foo: 1 }];\n}\nexport const g = [...bar];\n",
    );
    assert.deepEqual(facts.definitions[0]!.uses, []);
    assert.deepEqual(facts.definitions[1]!.uses, ['bar']);
  });

  it('records every owner of a repeated name, also after mentions that are not uses', async () => {
    const facts = await extractFacts(
      'typescript',
      [
        "import { foo } from './x';",
        'export function a() {',
        '  // foo',
        "  const s = 'foo' + obj.foo;",
        '  return foo() + foo();',
        '}',
        'export function b() { return { foo: 1 }; }',
        'export function c() { return foo; }',
        '// foo',
        'foo();',
        'foo();',
      ].join('\n'),
    );
    const uses = Object.fromEntries(facts.definitions.map((d) => [d.name, d.uses]));
    assert.deepEqual(uses, { a: ['foo'], b: [], c: ['foo'] });
    assert.deepEqual(facts.topLevelUses, ['foo']);
  });

  it('records the member a namespace use names, however the access is spelled', async () => {
    const facts = await extractFacts(
      'tsx',
      [
        "import * as ns from './ns';",
        'export const plain = ns.a;',
        'export const spaced = ns\n  .b;',
        'export const optional = ns?.c;',
        'export const commented = ns /* why */ .d;',
        'export type Typed = ns.E;',
        'export const element = <ns.F />;',
        'export const whole = ns;',
        'export const ternary = ns ? 1 : 2;',
        'export const indexed = ns[key];',
      ].join('\n'),
    );
    const uses = Object.fromEntries(facts.definitions.map((d) => [d.name, d.uses]));
    assert.deepEqual(uses, {
      plain: ['ns.a'],
      spaced: ['ns.b'],
      optional: ['ns.c'],
      commented: ['ns.d'],
      Typed: ['ns.E'],
      element: ['ns.F'],
      whole: ['ns'],
      ternary: ['ns'],
      indexed: ['ns'],
    });
  });
  it('extracts CommonJS requires and exports from JavaScript', async () => {
    const facts = await extractFacts(
      'javascript',
      "const { a, b: c } = require('./lib');\nconst path = require('path');\nexports.run = function () { return a + c; };\nfunction later() { return require('./late'); }\n",
    );
    assert.deepEqual(
      facts.imports.map((i) => [i.specifier, i.kind, i.bindings.map((b) => `${b.imported}:${b.local}`), i.user]),
      [
        ['./lib', 'require', ['a:a', 'b:c'], undefined],
        ['path', 'require', ['*:path'], undefined],
        ['./late', 'require', [], 'later'],
      ],
    );
    const run = facts.definitions.find((d) => d.name === 'run')!;
    assert.deepEqual(run.exportedAs, ['run']);
    assert.deepEqual(new Set(run.uses), new Set(['a', 'c']));
  });

  it('extracts Python imports (top level and nested) and top-level definitions', async () => {
    const facts = await extractFacts(
      'python',
      'import os.path as p\nfrom ..core import Model, helper as h\nLIMIT = 3\n\n@decorator\ndef view(req):\n    from .lazy import thing\n    return h(Model, LIMIT)\n\nclass Api(Model):\n    def get(self):\n        return p.join()\n',
    );
    assert.deepEqual(
      facts.imports.map((i) => [i.specifier, i.bindings.map((b) => `${b.imported}:${b.local}`), i.user]),
      [
        ['os.path', ['*:p'], undefined],
        ['..core', ['Model:Model', 'helper:h'], undefined],
        ['.lazy', ['thing:thing'], 'view'],
      ],
    );
    const names = facts.definitions.map((d) => [d.name, d.kind, d.startLine, d.endLine]);
    assert.deepEqual(names, [
      ['LIMIT', 'variable', 2, 2],
      ['view', 'function', 4, 7],
      ['Api', 'class', 9, 11],
      ['Api.get', 'method', 10, 11],
    ]);
    assert.deepEqual(new Set(facts.definitions[1]!.uses), new Set(['h', 'Model', 'LIMIT']));
    assert.deepEqual(new Set(facts.definitions[2]!.uses), new Set(['Model', 'p']));
  });

  it('extracts Go imports, top-level declarations and qualified pkg.Name uses', async () => {
    const facts = await extractFacts(
      'go',
      'package cart\n\nimport (\n\t"fmt"\n\tm "example.com/shop/money"\n)\n\nconst Limit = 3\n\ntype Cart struct{ items []m.Amount }\n\nfunc (c *Cart) Total() m.Amount { return m.Sum(c.items) }\n\nfunc describe() string { return fmt.Sprint(Limit) }\n',
    );
    assert.equal(facts.packageName, 'cart');
    assert.deepEqual(
      facts.imports.map((i) => [i.specifier, i.bindings[0]!.local]),
      [
        ['fmt', 'fmt'],
        ['example.com/shop/money', 'm'],
      ],
    );
    const byName = new Map(facts.definitions.map((d) => [d.name, d]));
    assert.deepEqual([...byName.keys()], ['Limit', 'Cart', 'Cart.Total', 'describe']);
    assert.ok(byName.get('Cart')!.uses!.includes('m.Amount'));
    assert.ok(byName.get('Cart.Total')!.uses!.includes('m.Sum'));
    assert.ok(byName.get('describe')!.uses!.includes('fmt.Sprint'));
    assert.ok(byName.get('describe')!.uses!.includes('Limit'));
    assert.deepEqual(byName.get('describe')!.exportedAs, []);
  });
});
