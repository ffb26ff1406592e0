import * as assert from 'node:assert/strict';
import { likelyLanguages } from '../../../src/core/index/walk/languageHint';
import { TempRepo } from './fixture';

describe('index: the language a cold build expects first', () => {
  let repo: TempRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  it('reads it from the root files, a tsconfig before a package.json', () => {
    repo = new TempRepo({ 'package.json': '{}\n', 'tsconfig.json': '{}\n', 'src/a.ts': 'export const a = 1;\n' });
    assert.deepEqual(likelyLanguages(repo.root), ['typescript']);
    repo.dispose();
    repo = new TempRepo({ 'package.json': '{}\n', 'index.js': 'module.exports = 1;\n' });
    assert.deepEqual(likelyLanguages(repo.root), ['javascript']);
    repo.dispose();
    repo = new TempRepo({ 'go.mod': 'module example.com/x\n', 'main.go': 'package main\n' });
    assert.deepEqual(likelyLanguages(repo.root), ['go']);
    repo.dispose();
    repo = new TempRepo({ 'pyproject.toml': '[project]\n', 'app/main.py': 'x = 1\n' });
    assert.deepEqual(likelyLanguages(repo.root), ['python']);
  });

  it('guesses nothing from a root that names no language (and from a folder that does not exist)', () => {
    repo = new TempRepo({ 'README.md': '# x\n', 'src/tsconfig.json': '{}\n' });
    assert.deepEqual(likelyLanguages(repo.root), []);
    assert.deepEqual(likelyLanguages(repo.path('missing')), []);
  });
});
