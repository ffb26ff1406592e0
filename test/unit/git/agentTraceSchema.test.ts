import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { runCli } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { commitWithProvenance, lines, ProvenanceRepo } from './support/provenanceRepo';

/** The specification's own JSON Schema, vendored with its origin in test/fixtures/agent-trace/SOURCE.md. */
const SCHEMA = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'agent-trace', 'trace-record.schema.json'), 'utf8'),
) as object;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

describe('notes export --agent-trace: valid against the Agent Trace 0.1.0 JSON Schema (real git, ajv)', function () {
  this.timeout(60_000);
  const tempDir = useTempDir();

  it('every exported record validates: several files, tools, models, a reviewed range', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('README.md', lines('# app'));
    repo.commitAll('base');
    await repo.writeAi('src/auth/login.ts', lines('export function login() {', '  return true;', '}'), {
      source: 'inline',
      tool: 'copilot',
      model: 'gpt-4o',
    });
    await repo.markReviewed('src/auth/login.ts', 'Ann');
    await repo.writeAi('src/util.ts', lines('export const a = 1;', '', 'export const b = 2;'), { source: 'agent', tool: 'claude-code' });
    await commitWithProvenance(repo, 'first');
    await repo.writeAi('src/more.ts', lines('export const c = 3;'), { source: 'chat' });
    await commitWithProvenance(repo, 'second');

    const result = runCli(['notes', 'export', '--agent-trace', '--base', 'HEAD~2'], { cwd: repo.root });
    assert.equal(result.code, 0, result.stderr);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { version: string; files: unknown[] });
    assert.equal(records.length, 2);
    const validate = validator();
    for (const record of records) {
      assert.equal(validate(record), true, JSON.stringify(validate.errors));
      assert.equal(record.version, '0.1.0');
    }
  });

  it('the validator is not a formality: it rejects a record that breaks the schema', () => {
    const validate = validator();
    const valid = { version: '0.1.0', id: '550e8400-e29b-41d4-a716-446655440000', timestamp: '2026-01-25T10:00:00Z', files: [] };
    assert.equal(validate(valid), true, JSON.stringify(validate.errors));
    for (const broken of [
      { ...valid, version: '0.1' },
      { ...valid, id: 'not-a-uuid' },
      { ...valid, files: [{ path: 'a.ts', conversations: [{ ranges: [{ start_line: 0, end_line: 1 }] }] }] },
      { ...valid, vcs: { type: 'cvs', revision: 'x' } },
    ]) {
      assert.equal(validate(broken), false, JSON.stringify(broken));
    }
  });
});
