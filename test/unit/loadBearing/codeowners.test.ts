import * as assert from 'node:assert/strict';
import { CODEOWNERS_GLOB_OPTIONS, parseCodeowners } from '../../../src/core/loadBearing/codeowners';
import { compileGlob } from '../../../src/core/loadBearing/glob';

/** A CODEOWNERS file as teams write them, with the usual mistakes at the end. */
export const REALISTIC_CODEOWNERS = String.raw`# Default owners for everything
*                               @acme/platform

# Frontend
/web/                           @acme/frontend
*.css                           @acme/design-system

# Payments own their services and shared money code
/services/payments/             @acme/payments-team
/services/ledger/               @acme/payments-team @acme/finance-eng
/libs/money/                    @acme/payments-team

# The generated client has no owner
/services/payments/generated/

# Security
/libs/identity/                 @Acme/Security    # sessions and tokens live here
**/policies/*.rego              @acme/security

# Docs: direct children only
docs/*                          docs@acme.com

# A file whose name starts with a hash
/\#weird.txt                    @acme/platform

# Anywhere in the tree
apps/                           @octocat

# Lines GitHub rejects
!/web/legacy/                   @acme/frontend
/web/old/                       not-an-owner
`;

describe('parseCodeowners', () => {
  const codeowners = parseCodeowners(REALISTIC_CODEOWNERS);

  /** path -> [owners, pattern of the deciding rule] */
  const CASES: ReadonlyArray<readonly [string, readonly string[], string]> = [
    ['README.md', ['@acme/platform'], '*'],
    ['web/src/App.tsx', ['@acme/frontend'], '/web/'],
    ['web/src/app.css', ['@acme/design-system'], '*.css'],
    ['services/payments/api/charge.go', ['@acme/payments-team'], '/services/payments/'],
    ['services/payments/generated/client.go', [], '/services/payments/generated/'],
    ['services/ledger/entries.go', ['@acme/payments-team', '@acme/finance-eng'], '/services/ledger/'],
    ['libs/money/format.ts', ['@acme/payments-team'], '/libs/money/'],
    ['libs/identity/session.ts', ['@Acme/Security'], '/libs/identity/'],
    ['services/auth/policies/admin.rego', ['@acme/security'], '**/policies/*.rego'],
    ['services/auth/policies/nested/admin.rego', ['@acme/platform'], '*'],
    ['docs/intro.md', ['docs@acme.com'], 'docs/*'],
    ['docs/guides/setup.md', ['@acme/platform'], '*'],
    ['#weird.txt', ['@acme/platform'], '/\\#weird.txt'],
    ['src/apps/admin/main.ts', ['@octocat'], 'apps/'],
    // The rejected lines do not take part: the earlier /web/ rule decides.
    ['web/legacy/a.ts', ['@acme/frontend'], '/web/'],
    ['web/old/a.ts', ['@acme/frontend'], '/web/'],
  ];
  for (const [path, owners, pattern] of CASES) {
    it(`${path} is owned by ${owners.join(' ') || 'nobody'} (rule ${pattern})`, () => {
      const rule = codeowners.match(path);
      assert.ok(rule, 'a rule matches');
      assert.deepEqual(rule.owners, owners);
      assert.equal(rule.pattern, pattern);
    });
  }

  it('keeps line numbers and strips inline comments', () => {
    const identity = codeowners.rules.find((rule) => rule.pattern === '/libs/identity/');
    assert.deepEqual(identity, { pattern: '/libs/identity/', owners: ['@Acme/Security'], line: 17 });
  });

  it('reports the lines GitHub would skip', () => {
    assert.deepEqual(codeowners.problems, [
      'CODEOWNERS:30: negated pattern "!/web/legacy/" is not supported by GitHub; line ignored',
      'CODEOWNERS:31: "not-an-owner" is not a @user, @org/team or e-mail address; line ignored',
    ]);
  });

  it('matches nothing when no rule applies, and handles CRLF and empty files', () => {
    assert.equal(parseCodeowners('/src/ @a\r\n').match('lib/x.ts'), undefined);
    assert.deepEqual(parseCodeowners('/src/ @a\r\n').match('src/x.ts')?.owners, ['@a']);
    assert.equal(parseCodeowners('').match('a'), undefined);
  });

  it('is case-sensitive on paths like GitHub, and treats brackets and braces literally', () => {
    const rules = parseCodeowners('/Docs/ @a\n*.{js,ts} @b\n[ab].txt @c\n');
    assert.equal(rules.match('docs/x.md'), undefined);
    assert.equal(rules.match('x.js'), undefined);
    assert.equal(rules.match('a.txt'), undefined);
    assert.deepEqual(rules.match('[ab].txt')?.owners, ['@c']);
  });

  it('finds the same rule as testing every rule, last first', () => {
    // The matcher skips rules it can rule out by segment; check it against
    // the obvious implementation on every combination of a few segments.
    const rules = parseCodeowners(REALISTIC_CODEOWNERS + 'src/** @x\n*.go @y\n/services/*/api/ @z\n**/generated @g\n').rules;
    const names = ['web', 'services', 'payments', 'ledger', 'api', 'generated', 'docs', 'apps', 'libs', 'money', 'policies', 'src'];
    const files = ['a.css', 'b.go', 'c.rego', 'README.md', '#weird.txt', 'generated'];
    const codeowners = parseCodeowners(rules.map((r) => `${r.pattern} ${r.owners.join(' ')}`).join('\n'));
    let checked = 0;
    for (const first of names) {
      for (const second of ['', ...names]) {
        for (const file of files) {
          const path = [first, second, file].filter((part) => part !== '').join('/');
          const naive = [...codeowners.rules].reverse().find((rule) => compileGlob(rule.pattern, CODEOWNERS_GLOB_OPTIONS).matches(path));
          assert.equal(codeowners.match(path), naive, path);
          checked++;
        }
      }
    }
    assert.ok(checked > 900);
  });
});
