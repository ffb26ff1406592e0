import * as assert from 'node:assert/strict';
import { LoadBearingClassifier } from '../../../src/core/loadBearing/classifier';
import { DEFAULT_LOAD_BEARING_CONFIG, type LoadBearingConfig } from '../../../src/core/loadBearing/loadBearingConfig';
import { REALISTIC_CODEOWNERS } from './codeowners.test';

function config(overrides: Partial<LoadBearingConfig>): { loadBearing: LoadBearingConfig } {
  return { loadBearing: { ...DEFAULT_LOAD_BEARING_CONFIG, ...overrides } };
}

function names(classifier: LoadBearingClassifier, path: string): string[] {
  return classifier.classify(path).classes.map((match) => `${match.name}:${match.reason}`);
}

const OWNERS = {
  enabled: true,
  owners: { '@acme/payments-team': ['payments'], '@acme/security': ['auth'] },
};

describe('LoadBearingClassifier', () => {
  describe('CODEOWNERS', () => {
    const classifier = LoadBearingClassifier.fromConfig(config({ codeowners: OWNERS }), REALISTIC_CODEOWNERS);

    it('maps a path owner to a class, with the deciding rule as evidence', () => {
      assert.deepEqual(classifier.classify('libs/money/format.ts').classes, [
        {
          name: 'payments',
          severity: 'critical',
          reason: 'codeowners',
          detail: 'owned by @acme/payments-team (CODEOWNERS line 11: /libs/money/)',
        },
      ]);
    });

    it('matches owners case-insensitively', () => {
      assert.deepEqual(names(classifier, 'libs/identity/store.ts'), ['auth:codeowners']);
    });

    it('prefers the path reason when both apply, and lists a class once', () => {
      assert.deepEqual(names(classifier, 'services/payments/api/charge.go'), ['payments:path']);
      assert.deepEqual(names(classifier, 'services/ledger/api.go'), ['payments:path']);
    });

    it('follows the last matching rule: an un-owned subtree maps to nothing', () => {
      assert.deepEqual(names(classifier, 'services/payments/generated/client.go'), ['payments:path']);
      assert.deepEqual(names(classifier, 'libs/money/README'), ['payments:codeowners']);
      assert.deepEqual(names(classifier, 'web/src/app.css'), []);
    });

    it('applies exclusions to CODEOWNERS classes too', () => {
      assert.deepEqual(names(classifier, 'libs/money/format.test.ts'), []);
    });

    it('ignores CODEOWNERS when switched off', () => {
      const off = LoadBearingClassifier.fromConfig(config({ codeowners: { ...OWNERS, enabled: false } }), REALISTIC_CODEOWNERS);
      assert.deepEqual(names(off, 'libs/money/format.ts'), []);
    });

    it('reports owners mapped to unknown classes and CODEOWNERS syntax problems', () => {
      const classifier = LoadBearingClassifier.fromConfig(
        config({ codeowners: { enabled: true, owners: { '@acme/ml': ['models'], '@acme/security': ['auth'] } } }),
        REALISTIC_CODEOWNERS,
      );
      assert.deepEqual(classifier.problems, [
        '`.ai-provenance.json`: loadBearing.codeowners.owners["@acme/ml"] refers to "models", which is not an enabled class; ignored',
        'CODEOWNERS:30: negated pattern "!/web/legacy/" is not supported by GitHub; line ignored',
        'CODEOWNERS:31: "not-an-owner" is not a @user, @org/team or e-mail address; line ignored',
      ]);
    });
  });

  describe('structure', () => {
    it('marks high fan-in files as class "structure" with their count', () => {
      const classifier = new LoadBearingClassifier();
      const counts = new Map<string, number>(Array.from({ length: 200 }, (_, i) => [`src/m${i}.ts`, i % 5]));
      counts.set('src/core/db.ts', 120);
      counts.set('src/payments/money.ts', 40);
      classifier.setDependentCounts(counts);
      assert.deepEqual(classifier.classify('src/core/db.ts'), {
        classes: [{ name: 'structure', severity: 'medium', reason: 'structure', detail: '120 dependents (top 1%: at least 10)' }],
        severity: 'medium',
      });
      assert.deepEqual(names(classifier, 'src/payments/money.ts'), ['payments:path', 'structure:structure']);
      assert.deepEqual(names(classifier, 'src/m4.ts'), []);
    });

    it('forgets memoized results when the counts change, and respects fanIn.enabled', () => {
      const classifier = new LoadBearingClassifier();
      assert.deepEqual(names(classifier, 'src/hub.ts'), []);
      classifier.setDependentCounts(new Map([['src/hub.ts', 50]]));
      assert.deepEqual(names(classifier, 'src/hub.ts'), ['structure:structure']);
      const disabled = new LoadBearingClassifier({
        loadBearing: { ...DEFAULT_LOAD_BEARING_CONFIG, fanIn: { ...DEFAULT_LOAD_BEARING_CONFIG.fanIn, enabled: false } },
      });
      disabled.setDependentCounts(new Map([['src/hub.ts', 50]]));
      assert.deepEqual(names(disabled, 'src/hub.ts'), []);
    });
  });

  describe('project configuration', () => {
    const CASES: ReadonlyArray<readonly [string, Partial<LoadBearingConfig>, string, readonly string[]]> = [
      ['adds a class', { classes: { 'ml-models': { include: ['models/**/*.onnx'] } } }, 'models/v2/ranker.onnx', ['ml-models:path']],
      ['excludes a subtree from one class', { classes: { payments: { exclude: ['src/payments/legacy/'] } } }, 'src/payments/legacy/old.ts', []],
      ['drops a default class', { disableDefaults: ['config'] }, 'settings/prod.py', []],
      ['drops all default classes', { disableDefaults: true }, 'src/auth/login.ts', []],
      ['adds an exclusion for every class', { exclude: ['generated/'] }, 'src/generated/auth/client.ts', []],
      ['can count tests as load-bearing again', { disableDefaultExclude: true }, 'test/auth/login.test.ts', ['auth:path']],
      ['replaces the keywords of a class', { classes: { payments: { replace: true, keywords: ['stripe'] } } }, 'payments/charge.ts', []],
    ];
    for (const [what, overrides, path, expected] of CASES) {
      it(`${what}: ${path} -> ${expected.join(', ') || 'not load-bearing'}`, () => {
        assert.deepEqual(names(LoadBearingClassifier.fromConfig(config(overrides)), path), expected);
      });
    }

    it('lets user settings override the project severity, for the editor only', () => {
      const classifier = LoadBearingClassifier.fromConfig(config({ classes: { payments: { severity: 'high' } } }), undefined, {
        classes: { payments: { severity: 'low' } },
      });
      assert.equal(classifier.classify('payments/charge.ts').severity, 'low');
    });
  });

  it('normalizes paths and memoizes per path', () => {
    const classifier = new LoadBearingClassifier();
    assert.equal(classifier.classify('./src\\auth\\login.ts'), classifier.classify('src/auth/login.ts'));
    assert.equal(classifier.isLoadBearing('src/auth/login.ts'), true);
    assert.equal(classifier.isLoadBearing('src/index.ts'), false);
    assert.equal(classifier.classify('').severity, 'none');
  });

  describe('answers shared per directory', () => {
    const CODEOWNERS = [
      '*  @acme/everyone',
      '/src/payments/ @acme/payments-team',
      '*.tf @acme/payments-team',
      'src/**/keys.json @acme/security',
    ].join('\n');
    const build = () => LoadBearingClassifier.fromConfig(config({ codeowners: OWNERS, exclude: ['/generated/'] }), CODEOWNERS);
    const directories = ['', 'src', 'src/payments', 'deploy/charts/app', '.github/workflows', 'tests', 'generated', 'lib/db'];
    const files = ['index.ts', 'main.tf', 'vars.hcl', 'values.yaml', 'chargeService.ts', 'keys.json', 'login.test.ts', 'schema.rb', 'charts'];
    const paths = directories.flatMap((directory) => files.map((file) => (directory ? `${directory}/${file}` : file)));

    it('gives every file the answer it gets alone, whatever was classified before', () => {
      const shared = build();
      for (const path of [...paths, ...[...paths].reverse()]) {
        assert.deepEqual(shared.classify(path), build().classify(path), path);
      }
    });

    it('names the glob and the owner of each file, not of its neighbours', () => {
      const classifier = build();
      const details = (path: string) => classifier.classify(path).classes.map((match) => `${match.name}: ${match.detail}`);
      assert.deepEqual(details('lib/main.tf'), ['payments: owned by @acme/payments-team (CODEOWNERS line 3: *.tf)', 'infra: glob "*.tf"']);
      assert.deepEqual(details('lib/vars.hcl'), ['infra: glob "*.hcl"']);
      assert.deepEqual(details('lib/index.ts'), []);
      assert.deepEqual(details('src/payments/index.ts'), ['payments: keyword "payment" in "payments/"']);
      assert.deepEqual(details('src/payments/chargeService.ts'), ['payments: keyword "payment" in "payments/"']);
      assert.equal(classifier.classify('lib/a.ts'), classifier.classify('lib/b.ts'), 'files whose names say nothing share one answer');
    });
  });
});
