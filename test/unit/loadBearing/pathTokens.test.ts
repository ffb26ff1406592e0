import * as assert from 'node:assert/strict';
import { normalizeRepoPath, segmentTokens } from '../../../src/core/loadBearing/pathTokens';

describe('segmentTokens', () => {
  const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['StripeWebhook.ts', ['stripe', 'webhook', 'ts']],
    ['authService.ts', ['auth', 'service', 'ts']],
    ['oauth_callback.py', ['oauth', 'callback', 'py']],
    ['OAuth2Client', ['o', 'auth', '2', 'client']],
    ['JWTService', ['jwt', 'service']],
    ['2024_add_users.sql', ['2024', 'add', 'users', 'sql']],
    ['docker-compose.prod.yml', ['docker', 'compose', 'prod', 'yml']],
    ['.env', ['env']],
    ['sessionStorage', ['session', 'storage']],
    ['keyboard.ts', ['keyboard', 'ts']],
    ['ÜberZahlung', ['über', 'zahlung']],
    ['支払い.ts', ['支払い', 'ts']],
    ['---', []],
  ];
  for (const [segment, expected] of CASES) {
    it(`${segment} -> ${expected.join(', ') || '(none)'}`, () => {
      assert.deepEqual([...segmentTokens(segment)], expected);
    });
  }
});

describe('normalizeRepoPath', () => {
  const CASES: ReadonlyArray<readonly [string, string]> = [
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    ['/src/a.ts', 'src/a.ts'],
    ['src\\auth\\login.ts', 'src/auth/login.ts'],
    ['src//a.ts', 'src/a.ts'],
  ];
  for (const [input, expected] of CASES) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(normalizeRepoPath(input), expected));
  }
});
