import * as assert from 'node:assert/strict';
import { pathSkipRules } from '../../../src/core/index/walk/skipRules';
import { BULK_CHANGE_LIMIT, type TriageContext, triageChanges } from '../../../src/extension/index/changeTriage';
import { GitignoreCheck } from '../../../src/extension/index/gitignoreCheck';
import type { FileChange } from '../../../src/extension/index/protocol';
import { Workspace } from './support';

describe('index service: triage of file events', () => {
  let workspace: Workspace;
  let context: TriageContext;
  const indexed = new Set(['src/a.ts', 'src/gone.ts', 'lib/x.ts']);
  beforeEach(() => {
    workspace = new Workspace({
      '.gitignore': 'dist/\n*.log.ts\n',
      'src/a.ts': 'export const a = 1;\n',
      'src/new.ts': 'export const n = 1;\n',
      'src/generated/.gitignore': '*\n!keep.ts\n',
      'src/generated/keep.ts': '',
      'src/generated/drop.ts': '',
      'dist/out.js': '',
      'src/trace.log.ts': '',
      'src/notes.txt': '',
      'node_modules/pkg/package.json': '{}',
      'packages/app/package.json': '{}',
      'fresh/b.ts': '',
      'docs/api.ts': '',
    });
    context = {
      root: workspace.root,
      rules: pathSkipRules(['docs']),
      gitignore: new GitignoreCheck(workspace.root),
      isIndexed: (path) => indexed.has(path),
    };
  });
  afterEach(() => workspace.dispose());

  const changed = (...paths: string[]): FileChange[] => paths.map((path) => ({ path: workspace.path(path), kind: 'changed' }));

  it('re-reads indexed files and new source files git would list', () => {
    const triage = triageChanges(
      [...changed('src/a.ts', 'src/new.ts', 'src/generated/keep.ts'), { path: workspace.path('src/gone.ts'), kind: 'deleted' }],
      context,
    );
    assert.deepEqual(triage, { update: ['src/a.ts', 'src/new.ts', 'src/generated/keep.ts', 'src/gone.ts'], refresh: undefined, ignored: 0 });
  });

  it('ignores what git ignores, vendored and excluded files, and files it does not index', () => {
    const triage = triageChanges(
      changed(
        'dist/out.js',
        'src/trace.log.ts',
        'src/generated/drop.ts',
        'node_modules/pkg/package.json',
        'docs/api.ts',
        'src/notes.txt',
        '.git/index',
      ),
      context,
    );
    assert.deepEqual(triage, { update: [], refresh: undefined, ignored: 7 });
    assert.equal(triageChanges([{ path: '/elsewhere/x.ts', kind: 'changed' }], context).ignored, 1, 'outside the repository');
  });

  it('passes a workspace package.json on (it changes resolution)', () => {
    assert.deepEqual(triageChanges(changed('packages/app/package.json'), context).update, ['packages/app/package.json']);
  });

  it('lists again for a new folder or a changed .gitignore, not for a folder that only changed', () => {
    assert.equal(triageChanges([{ path: workspace.path('fresh'), kind: 'created' }], context).refresh, 'folder fresh appeared');
    assert.equal(triageChanges([{ path: workspace.path('fresh'), kind: 'changed' }], context).refresh, undefined);
    assert.equal(triageChanges([{ path: workspace.path('dist'), kind: 'created' }], context).refresh, undefined, 'an ignored folder');
    assert.equal(triageChanges(changed('src/generated/.gitignore'), context).refresh, 'src/generated/.gitignore changed');
  });

  it('passes deleted folders on, but not source files it never held', () => {
    workspace.remove('lib');
    const triage = triageChanges(
      [
        { path: workspace.path('lib'), kind: 'deleted' },
        { path: workspace.path('src/tmp-123.ts'), kind: 'deleted' },
        { path: workspace.path('src/old.json'), kind: 'deleted' },
      ],
      context,
    );
    assert.deepEqual(triage, { update: ['lib'], refresh: undefined, ignored: 2 });
  });

  it('lists again when more files changed than are worth updating one by one', () => {
    const many = Array.from({ length: BULK_CHANGE_LIMIT + 1 }, (_, index) => `src/f${index}.ts`);
    workspace.write(Object.fromEntries(many.map((path) => [path, ''])));
    const triage = triageChanges(changed(...many), context);
    assert.equal(triage.refresh, `${BULK_CHANGE_LIMIT + 1} files changed at once`);
  });
});
