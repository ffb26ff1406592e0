import * as assert from 'node:assert/strict';
import { LoadBearingClassifier } from '../../../src/core/loadBearing/classifier';
import { DEFAULT_CLASSES } from '../../../src/core/loadBearing/defaultClasses';

/**
 * The built-in classes on realistic paths. Each row is a decision: the false
 * positives section pins the ambiguous words docs/LOAD_BEARING.md discusses.
 */
const TRUE_POSITIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  // auth
  ['src/auth/login.ts', ['auth']],
  ['src/services/authService.ts', ['auth']],
  ['app/oauth_callback.py', ['auth']],
  ['src/OAuth2Client.ts', ['auth']],
  ['pkg/jwt/verify.go', ['auth']],
  ['src/middleware/JWTAuth.ts', ['auth']],
  ['src/permissions/check.ts', ['auth']],
  ['src/acl.ts', ['auth']],
  ['config/rbac/roles.yaml', ['auth']],
  ['web/src/LoginForm.tsx', ['auth']],
  ['web/src/SignIn.tsx', ['auth']],
  ['src/session/store.ts', ['auth']],
  ['src/sessions.ts', ['auth']],
  ['api/passwords/reset.ts', ['auth']],
  ['src/auth/sessionStorage.ts', ['auth']],
  ['src/security/mfa.ts', ['auth']],
  ['src/authz/policies.rego', ['auth']],
  // payments
  ['payments/charge.ts', ['payments']],
  ['src/billing/invoice.ts', ['payments']],
  ['src/checkout/Cart.tsx', ['payments']],
  ['src/webhooks/StripeWebhook.ts', ['payments']],
  ['services/refunds.py', ['payments']],
  ['src/ledger/entries.ts', ['payments']],
  ['src/wallet.ts', ['payments']],
  ['integrations/PayPalClient.ts', ['payments']],
  ['src/adyen/notifications.ts', ['payments']],
  ['src/orders/charges.ts', ['payments']],
  // crypto-secrets
  ['src/crypto/aes.ts', ['crypto-secrets']],
  ['src/encryption.ts', ['crypto-secrets']],
  ['config/secrets.yaml', ['crypto-secrets']],
  ['src/keys/rotate.ts', ['crypto-secrets']],
  ['src/apiKeys.ts', ['crypto-secrets']],
  ['certs/server.pem', ['crypto-secrets']],
  ['.env', ['crypto-secrets']],
  ['src/tokens/refresh.ts', ['crypto-secrets']],
  ['src/accessToken.ts', ['crypto-secrets']],
  ['src/vault/client.ts', ['crypto-secrets']],
  ['.ssh/id_ed25519', ['crypto-secrets']],
  // infra
  ['infra/main.tf', ['infra']],
  ['modules/vpc/variables.tf', ['infra']],
  ['Dockerfile', ['infra']],
  ['services/api/Dockerfile', ['infra']],
  ['docker-compose.yml', ['infra']],
  ['compose.yaml', ['infra']],
  ['.github/workflows/deploy.yml', ['infra']],
  ['.github/workflows/ci.yml', ['infra']],
  ['.gitlab-ci.yml', ['infra']],
  ['.circleci/config.yml', ['infra']],
  ['Jenkinsfile', ['infra']],
  ['k8s/deployment.yaml', ['infra']],
  ['k8s/service.yaml', ['infra']],
  ['helm/api/values.yaml', ['infra']],
  ['ops/charts/api/templates/service.yaml', ['infra']],
  ['base/kustomization.yaml', ['infra']],
  ['scripts/deploy.sh', ['infra']],
  ['cloudformation/stack.yaml', ['infra']],
  ['azure-pipelines.yml', ['infra']],
  // data-migrations
  ['db/migrations/2024_add_users.sql', ['data-migrations']],
  ['alembic/versions/abc123_add_index.py', ['data-migrations']],
  ['prisma/migrations/20240101_init/migration.sql', ['data-migrations']],
  ['prisma/schema.prisma', ['data-migrations']],
  ['db/V2__add_orders.sql', ['data-migrations']],
  ['src/db/migrate.ts', ['data-migrations']],
  ['db/schema.rb', ['data-migrations']],
  // config
  ['config/production.json', ['config']],
  ['src/featureFlags.ts', ['config']],
  ['config/feature_flags.yaml', ['config']],
  ['settings/prod.py', ['config']],
  // data-at-scale
  ['jobs/nightly_report.py', ['data-at-scale']],
  ['src/queues/email.ts', ['data-at-scale']],
  ['etl/load_orders.py', ['data-at-scale']],
  ['pipelines/clicks.py', ['data-at-scale']],
  ['src/cron.ts', ['data-at-scale']],
  ['airflow/dags/daily.py', ['data-at-scale']],
  ['src/consumers/kafkaConsumer.ts', ['data-at-scale']],
  ['scripts/backfill_orders.py', ['data-at-scale']],
  // several classes at once, highest severity first, then by name
  ['src/payments/auth/threeDSecure.ts', ['auth', 'payments']],
  ['.env.production', ['crypto-secrets', 'config']],
  ['infra/prod.tfvars', ['infra', 'config']],
  ['k8s/jobs/billing-cron.yaml', ['payments', 'infra', 'data-at-scale']],
  ['deploy-certs/server.pem', ['crypto-secrets', 'infra']],
];

const NOT_LOAD_BEARING: ReadonlyArray<readonly [string, string]> = [
  ['src/author.ts', '"author" is not "auth"'],
  ['src/authoring/editor.ts', '"authoring" is not "auth"'],
  ['src/authority.ts', '"authority" is not "auth"'],
  ['src/ui/keyboard.ts', '"keyboard" is not "keys"'],
  ['src/ui/monkey.ts', 'no substring matching'],
  ['src/ui/hotKeys.ts', 'hot keys are keyboard shortcuts'],
  ['src/lexer/tokenizer.ts', '"tokenizer" is not "tokens"'],
  ['src/lexer/token.ts', 'singular "token" is a lexer word'],
  ['styles/designTokens.ts', 'design tokens are styling'],
  ['src/ui/charger-ui/Battery.tsx', '"charger" is not "charge"'],
  ['src/utils/sessionStorage.ts', 'Web Storage, not a login session'],
  ['src/components/charts/LineChart.tsx', 'UI charts are not Helm charts'],
  ['src/payload.ts', '"payload" is not "pay"'],
  ['src/display/billboard.ts', '"billboard" is not "billing"'],
  ['scripts/gitCheckout.ts', 'git checkout is not payments'],
  ['src/product/list.ts', '"product" is not "prod"'],
  ['src/logging/logger.ts', '"logging" is not "login"'],
  ['src/catalog/index.ts', 'no substring matching'],
  ['src/secretary/schedule.ts', '"secretary" is not "secret"'],
  ['src/db/primaryKeys.ts', 'database keys are not secrets'],
  ['src/jobBoard/JobCard.tsx', 'singular "job" is everyday vocabulary'],
  ['src/index.ts', 'plain source'],
  // Default exclusions: tests, docs, dependencies, templates of secrets.
  ['docs/auth.md', 'prose'],
  ['test/auth/login.test.ts', 'tests'],
  ['src/payments/charge.test.ts', 'tests'],
  ['src/payments/charge.spec.ts', 'tests'],
  ['pkg/billing/ledger_test.go', 'tests'],
  ['app/tests/test_payments.py', 'tests'],
  ['src/auth/__mocks__/session.ts', 'mocks'],
  ['node_modules/stripe/index.js', 'dependencies'],
  ['.env.example', 'a template, not secrets'],
];

describe('default load-bearing classes', () => {
  const classifier = new LoadBearingClassifier();

  for (const [path, expected] of TRUE_POSITIVES) {
    it(`${path} -> ${expected.join(', ')}`, () => {
      assert.deepEqual(
        classifier.classify(path).classes.map((match) => match.name),
        expected,
      );
    });
  }

  for (const [path, why] of NOT_LOAD_BEARING) {
    it(`${path} is not load-bearing (${why})`, () => {
      const result = classifier.classify(path);
      assert.deepEqual(result.classes, [], JSON.stringify(result.classes));
      assert.equal(result.severity, 'none');
    });
  }

  it('ranks auth, payments and crypto-secrets critical, infra and migrations high, the rest medium', () => {
    const severities = Object.fromEntries(DEFAULT_CLASSES.map((definition) => [definition.name, definition.severity]));
    assert.deepEqual(severities, {
      auth: 'critical',
      payments: 'critical',
      'crypto-secrets': 'critical',
      infra: 'high',
      'data-migrations': 'high',
      config: 'medium',
      'data-at-scale': 'medium',
    });
  });

  it('explains path matches with the keyword or glob that matched', () => {
    assert.deepEqual(classifier.classify('src/payments/charge.ts').classes, [
      { name: 'payments', severity: 'critical', reason: 'path', detail: 'keyword "payment" in "payments/"' },
    ]);
    assert.deepEqual(classifier.classify('infra/main.tf').classes[0]?.detail, 'glob "*.tf"');
  });
});
