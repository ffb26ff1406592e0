import * as assert from 'node:assert/strict';
import { parseProjectConfig } from '../../../src/core/config';
import { gatePolicy } from '../../../src/core/provenance';

function policyOf(policy: object) {
  const { config, problems } = parseProjectConfig(JSON.stringify({ policy }));
  return { ...gatePolicy(config.policy).policy, problems };
}

describe('sign-off policy in .ai-provenance.json', () => {
  it('reads requireSignOff as one class or a list, with defaults for signOff', () => {
    assert.deepEqual(policyOf({ requireSignOff: 'payments' }).requireSignOff, ['payments']);
    const policy = policyOf({
      requireSignOff: ['payments', 'auth'],
      signOff: { reviewers: 'codeowners', signed: true, identities: { '@a/b': 'x@y.z' } },
    });
    assert.deepEqual(policy.requireSignOff, ['auth', 'payments']);
    assert.deepEqual(policy.signOff, { notAuthor: true, reviewers: 'codeowners', signed: true, identities: { '@a/b': ['x@y.z'] } });
    assert.equal(policy.reviewedByReplacesSignOff, false);
    assert.deepEqual(policy.problems, []);
    assert.deepEqual(policyOf({}).signOff, { notAuthor: true, reviewers: 'anyone', signed: false, identities: {} });
    assert.equal(policyOf({ reviewedByCountsAsReview: true }).reviewedByReplacesSignOff, true);
  });

  it('reports mistakes and keeps the rest', () => {
    const policy = policyOf({ requireSignOff: ['Payments', 'auth'], signOff: { reviewers: 'owners', signed: 'yes', notAuthr: false } });
    assert.deepEqual(policy.requireSignOff, ['auth']);
    assert.deepEqual(policy.signOff, { notAuthor: true, reviewers: 'anyone', signed: false, identities: {} });
    assert.equal(policy.problems.length, 4, policy.problems.join('\n'));
    assert.ok(policy.problems.some((problem) => problem.includes('policy.signOff.notAuthr is not a known property (did you mean notAuthor?)')));
    assert.ok(policy.problems.some((problem) => problem.includes('policy.signOff.reviewers must be "codeowners" or a list')));
  });
});
