import * as assert from 'node:assert/strict';
import { compileGlob, type GlobOptions } from '../../../src/core/loadBearing/glob';
import { compileGlobSet } from '../../../src/core/loadBearing/globSet';

/** pattern -> { path: expected } */
const CASES: ReadonlyArray<readonly [string, Readonly<Record<string, boolean>>]> = [
  // No slash: any depth; a name also covers everything below a directory of that name.
  ['auth', { auth: true, 'src/auth': true, 'src/auth/login.ts': true, 'src/author.ts': false, 'src/auth.ts': false }],
  ['*.tf', { 'main.tf': true, 'infra/prod/main.tf': true, 'main.tfvars': false, 'main.tf.bak': false }],
  ['Dockerfile.*', { 'Dockerfile.prod': true, 'svc/Dockerfile.dev': true, Dockerfile: false }],
  // Leading slash anchors to the root.
  ['/build', { build: true, 'build/out.js': true, 'src/build/out.js': false, 'builder/x': false }],
  ['/*', { 'README.md': true, 'src/index.ts': false }],
  // Inner slash anchors too.
  ['db/migrations', { 'db/migrations/001.sql': true, 'svc/db/migrations/001.sql': false }],
  // Trailing slash: directories only.
  ['logs/', { logs: false, 'logs/a.log': true, 'app/logs/deep/a.log': true, 'logs.txt': false }],
  ['/docs/', { 'docs/a.md': true, 'docs/x/y.md': true, 'site/docs/a.md': false, docs: false }],
  // A trailing lone * is direct children only (GitHub's documented docs/* example).
  ['docs/*', { 'docs/a.md': true, 'docs/build/b.md': false, docs: false }],
  ['*', { a: true, 'a/b/c.ts': true }],
  ['f*', { foo: true, 'foo/bar': true, 'x/foo/bar': true, xfoo: false }],
  // Globstars.
  ['**/logs', { logs: true, 'a/logs': true, 'a/b/logs/x.txt': true, 'a/logsx': false }],
  ['infra/**', { infra: false, 'infra/a.tf': true, 'infra/a/b.tf': true, 'x/infra/a.tf': false }],
  ['a/**/b', { 'a/b': true, 'a/x/b': true, 'a/x/y/b': true, 'a/x/y/b/c': true, 'a/xb': false, 'z/a/b': false }],
  ['**/charts/**/*.yaml', { 'charts/a/values.yaml': true, 'deploy/charts/x/templates/d.yaml': true, 'charts/a/x.ts': false }],
  ['**', { a: true, 'a/b': true }],
  ['a**b', { ab: true, axxb: true, 'a/b': false }],
  // ? and * never cross a slash.
  ['a?c', { abc: true, 'a/c': false, ac: false }],
  ['src/*.ts', { 'src/a.ts': true, 'src/x/a.ts': false }],
  ['src/*/index.ts', { 'src/a/index.ts': true, 'src/index.ts': false, 'src/a/b/index.ts': false }],
  // Braces, nested and with a slash inside.
  ['*.{yaml,yml}', { 'a.yaml': true, 'x/a.yml': true, 'a.json': false }],
  ['{src,lib}/auth', { 'src/auth/a.ts': true, 'lib/auth/a.ts': true, 'app/auth/a.ts': false }],
  ['id_{rsa,ed{25519,448}}', { id_rsa: true, id_ed25519: true, id_ed448: true, id_ed: false }],
  ['{infra/prod,ops}/x', { 'infra/prod/x': true, 'ops/x': true, 'infra/x': false }],
  ['id_{rsa,dsa}{,.pub}', { id_rsa: true, 'id_dsa.pub': true, 'id_rsa.pem': false }],
  ['{a}', { '{a}': true, a: false }],
  ['{a,b', { '{a,b': true, a: false }],
  // Character classes.
  ['V[0-9]*__*.sql', { 'V1__init.sql': true, 'db/V20__add.sql': true, 'Vx__init.sql': false }],
  ['[!a]*.ts', { 'b.ts': true, 'a.ts': false }],
  ['[^a]*.ts', { 'b.ts': true, 'a.ts': false }],
  ['x[]]y', { 'x]y': true, xy: false }],
  ['a[/]b', { 'a/b': false }],
  ['[z-a]', { '[z-a]': true, z: false }],
  ['[abc', { '[abc': true, a: false }],
  // Escapes.
  ['f\\*o', { 'f*o': true, foo: false }],
  ['\\#notes', { '#notes': true, notes: false }],
  ['a\\ b', { 'a b': true }],
  // Regex metacharacters are literal.
  ['a+b(c).ts', { 'a+b(c).ts': true, 'aab(c).ts': false }],
  ['', { a: false }],
  ['/', { a: false }],
];

describe('glob', () => {
  for (const [pattern, paths] of CASES) {
    for (const [path, expected] of Object.entries(paths)) {
      it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(path)}`, () => {
        assert.equal(compileGlob(pattern).matches(path), expected);
      });
    }
  }

  const OPTION_CASES: ReadonlyArray<readonly [string, GlobOptions, string, boolean]> = [
    ['dockerfile', {}, 'Dockerfile', false],
    ['dockerfile', { ignoreCase: true }, 'svc/Dockerfile', true],
    ['*.{yaml,yml}', { braces: false }, 'a.yaml', false],
    ['*.{yaml,yml}', { braces: false }, 'a.{yaml,yml}', true],
    ['[ab].ts', { characterClasses: false }, 'a.ts', false],
    ['[ab].ts', { characterClasses: false }, '[ab].ts', true],
  ];
  for (const [pattern, options, path, expected] of OPTION_CASES) {
    it(`${JSON.stringify(pattern)} with ${JSON.stringify(options)} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(compileGlob(pattern, options).matches(path), expected);
    });
  }

  it('caches compiled expressions per pattern and options', () => {
    assert.equal(compileGlob('*.tf').regex, compileGlob('*.tf').regex);
    assert.notEqual(compileGlob('*.tf').regex, compileGlob('*.tf', { ignoreCase: true }).regex);
  });
});

describe('compileGlobSet', () => {
  // The set takes shortcuts (per-segment tests, name and suffix lookups, an
  // index of anchored patterns by directory name): it must agree with the
  // plain expression on every case above, with and without case folding.
  for (const ignoreCase of [false, true]) {
    it(`agrees with compileGlob on every case${ignoreCase ? ', ignoring case' : ''}`, () => {
      for (const [pattern, paths] of CASES) {
        const set = compileGlobSet([pattern], { ignoreCase });
        for (const path of [...Object.keys(paths), 'x/y/z', 'A/B.TF', 'infra/MAIN.TF', 'Charts/a/b.YAML']) {
          const variants = ignoreCase ? [path, path.toUpperCase()] : [path];
          for (const variant of variants) {
            assert.equal(set.matches(variant), compileGlob(pattern, { ignoreCase }).matches(variant), `${pattern} on ${variant}`);
          }
        }
      }
    });
  }

  const set = compileGlobSet(['*.tf', 'infra/', '*.tf'], { ignoreCase: true });

  it('matches when any pattern matches and names the first one in list order', () => {
    assert.equal(set.firstMatch('infra/main.tf'), '*.tf');
    assert.equal(set.firstMatch('infra/deploy.sh'), 'infra/');
    assert.equal(set.matches('src/app.ts'), false);
    assert.equal(set.firstMatch('src/app.ts'), undefined);
  });

  it('drops duplicate patterns and matches nothing when empty', () => {
    assert.deepEqual(set.patterns, ['*.tf', 'infra/']);
    assert.equal(compileGlobSet([]).matches('anything'), false);
  });
});
