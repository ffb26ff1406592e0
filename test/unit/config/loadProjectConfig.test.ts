import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProjectConfig } from '../../../src/core/config/loadProjectConfig';
import { DEFAULT_PROJECT_CONFIG } from '../../../src/core/config/projectConfig';
import { readCodeowners } from '../../../src/core/loadBearing/codeownersFile';

describe('loadProjectConfig and readCodeowners', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aip-config-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('uses the defaults, quietly, when there is no file', async () => {
    assert.deepEqual(await loadProjectConfig(root), { config: DEFAULT_PROJECT_CONFIG, problems: [], found: false });
  });

  it('reads the file at the repository root', async () => {
    writeFileSync(join(root, '.ai-provenance.json'), JSON.stringify({ loadBearing: { exclude: ['generated/'] } }));
    const result = await loadProjectConfig(root);
    assert.equal(result.found, true);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.config.loadBearing.exclude, ['generated/']);
  });

  it('reports a broken file and falls back', async () => {
    writeFileSync(join(root, '.ai-provenance.json'), '{ "risk": ');
    const result = await loadProjectConfig(root);
    assert.equal(result.config, DEFAULT_PROJECT_CONFIG);
    assert.match(result.problems[0] ?? '', /is not valid JSON/);
  });

  it('reports a file it cannot read', async () => {
    mkdirSync(join(root, '.ai-provenance.json'));
    const result = await loadProjectConfig(root);
    assert.equal(result.config, DEFAULT_PROJECT_CONFIG);
    assert.match(result.problems[0] ?? '', /^`\.ai-provenance\.json`: could not be read \(.+\); using the defaults$/);
  });

  it('finds CODEOWNERS where GitHub looks, .github/ first', async () => {
    assert.equal(await readCodeowners(root), undefined);
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'CODEOWNERS'), '* @docs');
    assert.deepEqual(await readCodeowners(root), { path: 'docs/CODEOWNERS', text: '* @docs' });
    writeFileSync(join(root, 'CODEOWNERS'), '* @root');
    assert.equal((await readCodeowners(root))?.path, 'CODEOWNERS');
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'CODEOWNERS'), '* @github');
    assert.deepEqual(await readCodeowners(root), { path: '.github/CODEOWNERS', text: '* @github' });
  });
});
