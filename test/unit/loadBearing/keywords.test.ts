import * as assert from 'node:assert/strict';
import { compileKeywords } from '../../../src/core/loadBearing/keywords';

describe('compileKeywords', () => {
  /** keywords, ignore phrases, segment, expected keyword (or undefined). */
  const CASES: ReadonlyArray<readonly [readonly string[], readonly string[], string, string | undefined]> = [
    [['auth'], [], 'auth', 'auth'],
    [['auth'], [], 'authService.ts', 'auth'],
    [['auth'], [], 'author.ts', undefined],
    [['auth'], [], 'authoring', undefined],
    [['auth'], [], 'oauth.ts', undefined],
    [['payment'], [], 'payments', 'payment'],
    [['policy'], [], 'policies.ts', 'policy'],
    [['match'], [], 'matches.ts', 'match'],
    [['tokens'], [], 'token.ts', undefined],
    [['tokens'], [], 'tokens.ts', 'tokens'],
    [['tokens'], [], 'tokenizer.ts', undefined],
    // Phrases: consecutive words, any separator or camelCase, or run together.
    [['api-key'], [], 'api_key.ts', 'api-key'],
    [['api-key'], [], 'apiKeys.ts', 'api-key'],
    [['api-key'], [], 'apikey.ts', 'api-key'],
    [['api-key'], [], 'api.ts', undefined],
    [['api-key'], [], 'key-api.ts', undefined],
    [['feature_flag'], [], 'featureFlags.ts', 'feature_flag'],
    [['sign-in'], [], 'SignIn.tsx', 'sign-in'],
    [['sign-in'], [], 'signin.ts', 'sign-in'],
    // Ignore phrases hide their words.
    [['session'], ['session-storage'], 'sessionStorage.ts', undefined],
    [['session'], ['session-storage'], 'session.ts', 'session'],
    [['session'], ['session-storage'], 'sessionStorage-session.ts', 'session'],
    [['storage'], ['session-storage'], 'sessionStorage.ts', undefined],
    // The keyword found first in the segment is reported.
    [['b', 'a'], [], 'a-b', 'a'],
    [['api-key', 'key'], [], 'my-api-key', 'api-key'],
  ];
  for (const [keywords, ignore, segment, expected] of CASES) {
    const ignoring = ignore.length > 0 ? ` ignoring ${ignore.join(', ')}` : '';
    it(`${keywords.join(', ')}${ignoring}: ${segment} -> ${expected ?? 'no match'}`, () => {
      assert.equal(compileKeywords(keywords, ignore).matchSegment(segment), expected);
    });
  }
});
