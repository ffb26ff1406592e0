import * as assert from 'node:assert/strict';
import { TempRepo } from './fixture';

describe('index: blast radius', () => {
  let repo: TempRepo;
  afterEach(() => repo.dispose());

  const project = {
    'src/money.ts':
      'export function add(a: number, b: number) { return a + b; }\n\nexport function format(v: number) { return `$${v}`; }\n\nfunction round(v: number) { return Math.round(v); }\n\nexport function total(v: number) { return round(v); }\n',
    'src/index.ts': "export * from './money';\n",
    'src/payments/charge.ts': "import { add } from '../index';\nexport function charge() { return add(1, 2); }\n",
    'src/ui/label.ts': "import { format } from '../money';\nexport const label = () => format(1);\n",
    'src/report.ts': "import * as money from './money';\nexport const report = () => money;\n",
    'src/checkout.ts': "import { charge } from './payments/charge';\nexport function checkout() { return charge(); }\n",
    'src/main.ts': "import { checkout } from './checkout';\ncheckout();\n",
    'test/charge.test.ts': "import { charge } from '../src/payments/charge';\ncharge();\n",
    'src/totals.ts': "import { total } from './money';\nexport const t = total(2);\n",
  };

  it('follows only the users of the changed definition, through export * barrels', async () => {
    repo = new TempRepo(project);
    const index = await repo.built();
    const radius = index.blastRadius({ path: 'src/money.ts', startLine: 0, endLine: 0 });
    assert.deepEqual(radius.symbols, ['add']);
    assert.equal(radius.level, 'symbol');
    const paths = radius.dependents.map((d) => [d.path, d.depth]);
    // label.ts uses `format`, totals.ts uses `total`: unaffected by `add`. report.ts uses the namespace: affected.
    assert.deepEqual(paths, [
      ['src/index.ts', 1],
      ['src/report.ts', 1],
      ['src/payments/charge.ts', 2],
      ['src/checkout.ts', 3],
      ['test/charge.test.ts', 3],
      ['src/main.ts', 4],
    ]);
    const checkout = radius.dependents.find((d) => d.path === 'src/checkout.ts')!;
    assert.deepEqual(checkout.via, ['src/money.ts#add', 'src/index.ts#add', 'src/payments/charge.ts#charge']);
    assert.deepEqual(radius.entryPoints, { production: ['src/main.ts', 'src/report.ts'], tests: ['test/charge.test.ts'] });
    assert.deepEqual(radius.loadBearing, [{ path: 'src/payments/charge.ts', classes: ['payments'] }]);
  });

  it('propagates through definitions of the same file that use the changed one', async () => {
    repo = new TempRepo(project);
    const index = await repo.built();
    const radius = index.blastRadius({ path: 'src/money.ts', startLine: 4, endLine: 4 });
    assert.deepEqual(radius.symbols, ['round']);
    assert.ok(radius.dependents.some((d) => d.path === 'src/totals.ts' && d.via.join(' ') === 'src/money.ts#round src/money.ts#total'));
    assert.ok(!radius.dependents.some((d) => d.path === 'src/ui/label.ts'));
  });

  it('falls back to the whole file outside any definition, and honours maxDepth', async () => {
    repo = new TempRepo(project);
    const index = await repo.built();
    const whole = index.blastRadius({ path: 'src/money.ts' });
    assert.equal(whole.level, 'file');
    assert.ok(whole.dependents.some((d) => d.path === 'src/ui/label.ts'));
    assert.ok(whole.dependents.some((d) => d.path === 'src/totals.ts'));
    const shallow = index.blastRadius({ path: 'src/money.ts' }, { maxDepth: 1 });
    assert.ok(shallow.dependents.every((d) => d.depth === 1));
    assert.equal(shallow.truncated, true);
  });

  it('uses the load-bearing classifier it is given', async () => {
    repo = new TempRepo(project);
    const index = await repo.built({ loadBearing: (path) => (path.includes('checkout') ? ['revenue'] : []) });
    const radius = index.dependentsOf('src/payments/charge.ts', 'charge');
    assert.deepEqual(radius.loadBearing, [{ path: 'src/checkout.ts', classes: ['revenue'] }]);
    assert.deepEqual(radius.targetLoadBearing, []);
  });

  it('follows Go pkg.Name uses across packages and same-package references', async () => {
    repo = new TempRepo({
      'go.mod': 'module example.com/shop\n',
      'money/sum.go': 'package money\n\nfunc Sum() int { return base() }\n\nfunc Other() int { return 1 }\n',
      'money/base.go': 'package money\n\nfunc base() int { return 0 }\n',
      'cart/cart.go': 'package cart\n\nimport "example.com/shop/money"\n\nfunc Total() int { return money.Sum() }\n',
      'cart/other.go': 'package cart\n\nimport "example.com/shop/money"\n\nfunc Unrelated() int { return money.Other() }\n',
    });
    const index = await repo.built();
    const radius = index.blastRadius({ path: 'money/base.go', startLine: 2, endLine: 2 });
    assert.deepEqual(radius.symbols, ['base']);
    assert.deepEqual(
      radius.dependents.map((d) => d.path),
      ['money/sum.go', 'cart/cart.go'],
    );
  });

  it('follows Python imports through package __init__ re-exports', async () => {
    repo = new TempRepo({
      'app/__init__.py': '',
      'app/core/__init__.py': 'from .models import Model\n',
      'app/core/models.py': 'class Model:\n    pass\n\ndef unrelated():\n    pass\n',
      'app/views.py': 'from .core import Model\n\ndef view():\n    return Model()\n',
      'app/other.py': 'from .core.models import unrelated\n\ndef other():\n    return unrelated()\n',
    });
    const index = await repo.built();
    const radius = index.blastRadius({ path: 'app/core/models.py', startLine: 0, endLine: 0 });
    assert.deepEqual(radius.symbols, ['Model']);
    assert.deepEqual(
      radius.dependents.map((d) => d.path),
      ['app/core/__init__.py', 'app/views.py'],
    );
  });
});
