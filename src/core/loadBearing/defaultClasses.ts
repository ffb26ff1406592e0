import type { LoadBearingClass } from './classDefinition';

/**
 * The built-in load-bearing classes. Keywords match whole path words (see
 * keywords.ts; the last word may be plural), globs match like gitignore (see
 * glob.ts). docs/LOAD_BEARING.md lists the decisions behind the ambiguous
 * words; test/unit/loadBearing/defaultClasses.test.ts pins them.
 *
 * Severity: a defect in auth, payments or secrets handling is a breach or lost
 * money (critical); infra and migrations take production down or lose data,
 * but are usually reviewed and reversible (high); production config and bulk
 * data jobs hurt at scale but are narrower (medium).
 */
export const DEFAULT_CLASSES: readonly LoadBearingClass[] = Object.freeze([
  {
    name: 'auth',
    description: 'Authentication, sessions and authorization',
    severity: 'critical',
    include: [],
    keywords: [
      'auth', 'authn', 'authz', 'oauth', 'openid', 'oidc', 'saml', 'sso', 'jwt', 'jwks',
      'authenticate', 'authenticated', 'authentication', 'authenticator',
      'authorize', 'authorized', 'authorization', 'authorisation', 'authorizer',
      'login', 'log-in', 'logout', 'log-out', 'signin', 'sign-in', 'signout', 'sign-out', 'signup', 'sign-up',
      'session', 'password', 'passwd', 'passkey', 'webauthn', 'mfa', '2fa', 'totp', 'otp',
      'permission', 'acl', 'rbac', 'abac', 'access-control', 'iam', 'ldap', 'kerberos', 'csrf',
    ],
    exclude: [],
    // Browser Web Storage, not a login session.
    ignorePhrases: ['session-storage'],
  },
  {
    name: 'payments',
    description: 'Payments, billing and money movement',
    severity: 'critical',
    include: [],
    keywords: [
      'payment', 'billing', 'checkout', 'check-out', 'invoice', 'invoicing', 'refund', 'charge', 'chargeback',
      'ledger', 'wallet', 'payout', 'merchant', 'pci',
      'stripe', 'adyen', 'paypal', 'pay-pal', 'braintree', 'klarna', 'plaid', 'apple-pay', 'google-pay',
    ],
    exclude: [],
    // `git checkout` in tooling scripts moves branches, not money.
    ignorePhrases: ['git-checkout'],
  },
  {
    name: 'crypto-secrets',
    description: 'Cryptography, keys, secrets and credentials',
    severity: 'critical',
    include: ['*.pem', '*.key', '*.p12', '*.pfx', '*.jks', '*.keystore', '*.gpg', 'id_{rsa,dsa,ecdsa,ed25519}', '.env', '.env.*'],
    keywords: [
      'crypto', 'cryptography', 'encrypt', 'encryption', 'encrypted', 'decrypt', 'decryption', 'cipher',
      'hmac', 'bcrypt', 'scrypt', 'argon2', 'kms', 'hsm', 'vault', 'pki', 'tls', 'ssl', 'cert', 'certificate',
      'secret', 'credential', 'keystore', 'keychain', 'keyring',
      // Bare "key" and "token" are everyday words (key codes, lexer tokens):
      // only the plural and credential phrases count.
      'keys', 'api-key', 'private-key', 'public-key', 'signing-key', 'secret-key', 'master-key', 'key-rotation',
      'tokens', 'access-token', 'refresh-token', 'api-token', 'bearer-token', 'id-token', 'auth-token',
    ],
    exclude: ['.env.{example,sample,template,dist}'],
    ignorePhrases: ['design-token', 'hot-key', 'shortcut-key', 'sort-key', 'primary-key', 'foreign-key'],
  },
  {
    name: 'infra',
    description: 'Infrastructure as code, containers, CI/CD and deployment',
    severity: 'high',
    include: [
      '*.tf', '*.tfvars', '*.tf.json', '*.hcl',
      'template.{yaml,yml}', 'samconfig.toml', 'cdk.json',
      'Chart.yaml', 'Chart.lock', '**/charts/**/*.{yaml,yml,tpl}', 'kustomization.{yaml,yml}', '**/manifests/**/*.{yaml,yml}',
      'Dockerfile.*', '.dockerignore', 'compose.{yaml,yml}', 'compose.*.{yaml,yml}',
      '.github/workflows/', '.github/actions/', '.gitlab-ci.yml', '.gitlab/ci/', '.circleci/', '.buildkite/',
      'Jenkinsfile', 'Jenkinsfile.*', 'azure-pipelines*.yml', 'bitbucket-pipelines.yml', '.travis.yml', '.drone.yml',
      'cloudbuild*.{yaml,yml}', 'buildspec*.{yaml,yml}', 'appveyor.yml',
      'Procfile', 'fly.toml', 'vercel.json', 'netlify.toml', 'render.yaml',
    ],
    keywords: [
      'infra', 'infrastructure', 'terraform', 'terragrunt', 'pulumi', 'cloudformation', 'cfn', 'serverless',
      'k8s', 'kubernetes', 'kube', 'kustomize', 'helm', 'helmfile', 'ansible', 'argocd',
      'docker', 'dockerfile', 'containerfile', 'nginx', 'deploy', 'deployment', 'ci-cd',
    ],
    exclude: [],
    ignorePhrases: [],
  },
  {
    name: 'data-migrations',
    description: 'Database migrations and schema changes',
    severity: 'high',
    include: [
      '*.prisma', 'schema.sql', 'structure.sql', '**/db/schema.rb', '*.up.sql', '*.down.sql',
      // Flyway's versioned, undo and repeatable migrations.
      'V[0-9]*__*.sql', 'U[0-9]*__*.sql', 'R__*.sql',
    ],
    keywords: ['migration', 'migrate', 'alembic', 'flyway', 'liquibase', 'ddl'],
    exclude: [],
    ignorePhrases: [],
  },
  {
    name: 'config',
    description: 'Production configuration and feature flags',
    severity: 'medium',
    include: [],
    keywords: [
      'production', 'prod', 'feature-flag', 'feature-toggle', 'remote-config',
      'launchdarkly', 'launch-darkly', 'unleash', 'flagsmith', 'growthbook',
    ],
    exclude: [],
    ignorePhrases: [],
  },
  {
    name: 'data-at-scale',
    description: 'Batch jobs, queues, data pipelines, cron and ETL',
    severity: 'medium',
    include: [],
    keywords: [
      'batch', 'bulk', 'backfill', 'cron', 'crontab', 'cronjob', 'jobs', 'etl', 'pipeline', 'ingest', 'ingestion',
      'queue', 'kafka', 'rabbitmq', 'sqs', 'pubsub', 'pub-sub', 'celery', 'sidekiq', 'resque', 'bullmq',
      'airflow', 'dags', 'spark', 'flink', 'dbt', 'hadoop', 'mapreduce',
    ],
    exclude: [],
    // CI pipeline definitions are infra, not data pipelines.
    ignorePhrases: ['azure-pipeline', 'bitbucket-pipeline'],
  },
].map((definition) => Object.freeze(definition) as LoadBearingClass));

/**
 * Paths that are never load-bearing unless a team opts back in
 * (`loadBearing.disableDefaultExclude`): tests and fixtures do not run in
 * production, prose does not execute, and dependencies are not ours.
 */
export const DEFAULT_EXCLUDE: readonly string[] = Object.freeze([
  'test/', 'tests/', '__tests__/', '__mocks__/', 'spec/', 'testdata/', 'fixtures/',
  '*.test.*', '*.spec.*', '*_test.*', 'test_*.py', 'conftest.py', '*.stories.*', '*.snap',
  '*.md', '*.mdx', '*.rst', '*.adoc',
  'node_modules/',
]);
