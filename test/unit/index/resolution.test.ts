import * as assert from 'node:assert/strict';
import { TempRepo } from './fixture';

describe('index: module resolution', () => {
  let repo: TempRepo;
  afterEach(() => repo.dispose());

  it('resolves relative imports with extensions, index files and the .js -> .ts mapping', async () => {
    repo = new TempRepo({
      'src/a.ts': "import { b } from './b.js';\nimport { c } from './lib';\nimport { d } from './d';\nexport const a = b + c + d;\n",
      'src/b.ts': 'export const b = 1;\n',
      'src/lib/index.ts': 'export const c = 2;\n',
      'src/d.tsx': 'export const d = 3;\n',
    });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('src/a.ts').files, ['src/b.ts', 'src/d.tsx', 'src/lib/index.ts']);
  });

  it('follows tsconfig paths through extends, per nearest tsconfig', async () => {
    repo = new TempRepo({
      'tsconfig.base.json':
        '{\n  // comment\n  "compilerOptions": { "baseUrl": ".", "paths": { "@shared/*": ["libs/shared/src/*"], "~config": ["config/main.ts"] } },\n}\n',
      'apps/web/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      'apps/web/src/main.ts': "import { util } from '@shared/util';\nimport cfg from '~config';\nexport const x = util(cfg);\n",
      'libs/shared/src/util.ts': 'export function util(v: unknown) { return v; }\n',
      'config/main.ts': 'export default {};\n',
    });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('apps/web/src/main.ts').files, ['config/main.ts', 'libs/shared/src/util.ts']);
  });

  it('resolves workspace packages to their sources through exports maps and main', async () => {
    repo = new TempRepo({
      'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({
        name: '@acme/core',
        exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './feature/*': './dist/feature/*.js' },
      }),
      'packages/core/src/index.ts': 'export const core = 1;\n',
      'packages/core/src/feature/flags.ts': 'export const flags = 1;\n',
      'packages/legacy/package.json': JSON.stringify({ name: 'legacy', main: 'lib/main.js' }),
      'packages/legacy/lib/main.js': 'module.exports = { legacy: 1 };\n',
      'apps/app.ts':
        "import { core } from '@acme/core';\nimport { flags } from '@acme/core/feature/flags';\nimport legacy from 'legacy';\nimport _ from 'lodash';\nexport const all = [core, flags, legacy, _];\n",
    });
    const index = await repo.built();
    const imports = index.importsOf('apps/app.ts');
    assert.deepEqual(imports.files, ['packages/core/src/feature/flags.ts', 'packages/core/src/index.ts', 'packages/legacy/lib/main.js']);
    assert.deepEqual(imports.externals, ['lodash']);
  });

  it('reads pnpm-workspace.yaml packages', async () => {
    repo = new TempRepo({
      'pnpm-workspace.yaml': "packages:\n  - 'libs/*' # shared\n",
      'libs/log/package.json': JSON.stringify({ name: 'log', main: './src/index.ts' }),
      'libs/log/src/index.ts': 'export const log = 1;\n',
      'tools/fake/package.json': JSON.stringify({ name: 'fake', main: 'index.ts' }),
      'tools/fake/index.ts': 'export const fake = 1;\n',
      'app.ts': "import { log } from 'log';\nimport { fake } from 'fake';\nexport const x = log + fake;\n",
    });
    const index = await repo.built();
    // `fake` is outside the declared workspace globs: an external package.
    assert.deepEqual(index.importsOf('app.ts'), { files: ['libs/log/src/index.ts'], externals: ['fake'], unresolved: [] });
  });

  it('records re-exports, cycles, dynamic imports and CommonJS requires as edges', async () => {
    repo = new TempRepo({
      'a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'barrel.ts': "export * from './a';\nexport { b as bee } from './b';\n",
      'lazy.ts': "export async function load() { return import('./a'); }\n",
      'old.js': "const { b } = require('./b');\nconst fs = require('fs');\nmodule.exports = { b, fs };\n",
      'broken.ts': "import { nope } from './missing';\nexport const x = nope;\n",
    });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('a.ts').files, ['b.ts']);
    assert.deepEqual(index.importsOf('b.ts').files, ['a.ts']);
    assert.deepEqual(index.importsOf('barrel.ts').files, ['a.ts', 'b.ts']);
    assert.deepEqual(index.importsOf('lazy.ts').files, ['a.ts']);
    assert.deepEqual(index.importsOf('old.js'), { files: ['b.ts'], externals: ['fs'], unresolved: [] });
    assert.deepEqual(index.importsOf('broken.ts').unresolved, ['./missing']);
    assert.deepEqual(index.importersOf('a.ts'), ['b.ts', 'barrel.ts', 'lazy.ts']);
  });

  it('resolves Python relative imports, packages and absolute imports under src/', async () => {
    repo = new TempRepo({
      'pyproject.toml': '[project]\nname = "app"\n',
      'src/app/__init__.py': '',
      'src/app/core/__init__.py': 'from .models import Model\n',
      'src/app/core/models.py': 'class Model:\n    pass\n',
      'src/app/api/__init__.py': '',
      'src/app/api/views.py':
        'from . import helpers\nfrom ..core import Model\nfrom ..core.models import Model as M2\nimport app.core.models\nimport requests\n\ndef view():\n    return helpers.x, Model, M2\n',
      'src/app/api/helpers.py': 'x = 1\n',
    });
    const index = await repo.built();
    const imports = index.importsOf('src/app/api/views.py');
    assert.deepEqual(imports.files, ['src/app/api/helpers.py', 'src/app/core/__init__.py', 'src/app/core/models.py']);
    assert.deepEqual(imports.externals, ['requests']);
  });

  it('resolves Go imports through go.mod to every file of the package directory', async () => {
    repo = new TempRepo({
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'cart/cart.go': 'package cart\n\nimport "example.com/shop/money"\n\nfunc Total() money.Amount { return money.Sum() }\n',
      'money/amount.go': 'package money\n\ntype Amount int\n',
      'money/sum.go': 'package money\n\nfunc Sum() Amount { return 0 }\n',
      'money/sum_test.go': 'package money\n\nimport "testing"\n\nfunc TestSum(t *testing.T) { Sum() }\n',
    });
    const index = await repo.built();
    assert.deepEqual(index.importsOf('cart/cart.go'), { files: ['money/amount.go', 'money/sum.go'], externals: [], unresolved: [] });
    // Same-package references need no import: sum.go uses Amount from amount.go.
    assert.deepEqual(index.importsOf('money/sum.go').files, ['money/amount.go']);
    assert.deepEqual(index.importsOf('money/sum_test.go').files, ['money/sum.go']);
    assert.deepEqual(index.importsOf('money/sum_test.go').externals, ['testing']);
  });
});
