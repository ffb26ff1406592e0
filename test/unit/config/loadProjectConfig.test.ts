import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClassifier } from '../../../src/core/config/loadClassifier';
import { loadProjectConfig } from '../../../src/core/config/loadProjectConfig';
import { DEFAULT_PROJECT_CONFIG } from '../../../src/core/config/projectConfig';
import { parseUserLoadBearingSettings } from '../../../src/core/config/userSettings';
import { readCodeowners } from '../../../src/core/loadBearing/codeownersFile';

describe('loadProjectConfig, readCodeowners and loadClassifier', () => {
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

  it('builds the classifier from the config, CODEOWNERS and the user setting, gathering every problem', async () => {
    writeFileSync(
      join(root, '.ai-provenance.json'),
      JSON.stringify({ loadBearing: { codeowners: { owners: { '@acme/pay': 'payments' } }, exclud: [] } }),
    );
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'CODEOWNERS'), '/libs/money/ @acme/pay\n!/x @a\n');
    const user = parseUserLoadBearingSettings({ classes: { mine: { include: ['notes/'], severity: 'loud' } } });
    const loaded = await loadClassifier(root, user.settings);
    assert.equal(loaded.codeownersPath, '.github/CODEOWNERS');
    assert.deepEqual(loaded.classifier.classNames('libs/money/sum.ts'), ['payments']);
    assert.deepEqual(loaded.classifier.classNames('notes/a.txt'), ['mine']);
    assert.deepEqual(user.problems, ['setting `aiProvenance.loadBearing`: classes.mine.severity must be one of low|medium|high|critical']);
    assert.deepEqual(loaded.problems, [
      '`.ai-provenance.json`: loadBearing.exclud is not a known property (did you mean exclude?); ignored',
      '.github/CODEOWNERS:2: negated pattern "!/x" is not supported by GitHub; line ignored',
    ]);
  });

  it('builds the default classifier in an empty repository', async () => {
    const loaded = await loadClassifier(root);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.codeownersPath, undefined);
    assert.deepEqual(loaded.classifier.classNames('src/auth/login.ts'), ['auth']);
  });
});
