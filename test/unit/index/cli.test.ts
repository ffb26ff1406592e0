import * as assert from 'node:assert/strict';
import { impactCommand } from '../../../src/cli/commands/impact';
import { indexCommand } from '../../../src/cli/commands/index';
import { CliError, type CliIO } from '../../../src/cli/command';
import { TempRepo } from './fixture';

class CapturedIO implements CliIO {
  out = '';
  err = '';
  constructor(
    readonly cwd: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}
  stdout(text: string): void {
    this.out += text;
  }
  stderr(text: string): void {
    this.err += text;
  }
  async readStdin(): Promise<string> {
    return '';
  }
}

describe('index: CLI commands', () => {
  let repo: TempRepo;
  afterEach(() => repo.dispose());

  it('index prints the counts and impact prints the blast radius as JSON', async () => {
    repo = new TempRepo({
      'src/auth/token.ts': 'export function sign() { return 1; }\nexport function unused() { return 2; }\n',
      'src/api.ts': "import { sign } from './auth/token';\nexport const handler = () => sign();\n",
      'src/api.test.ts': "import { handler } from './api';\nhandler();\n",
    });
    const io = new CapturedIO(repo.root, { XDG_CACHE_HOME: repo.path('.cache-dir-outside-index') });
    assert.equal(await indexCommand.run(['--json'], io), 0);
    const stats = JSON.parse(io.out);
    assert.equal(stats.indexed, 3);
    assert.equal(stats.edges, 2);

    const impactIO = new CapturedIO(repo.root, io.env);
    assert.equal(await impactCommand.run(['src/auth/token.ts:1', '--json'], impactIO), 0);
    assert.deepEqual(JSON.parse(impactIO.out), {
      target: 'src/auth/token.ts:1',
      symbols: ['sign'],
      level: 'symbol',
      dependents: [
        { path: 'src/api.ts', depth: 1, via: ['src/auth/token.ts#sign'] },
        { path: 'src/api.test.ts', depth: 2, via: ['src/auth/token.ts#sign', 'src/api.ts#handler'] },
      ],
      files: 2,
      loadBearing: [],
      entryPoints: { production: [], tests: ['src/api.test.ts'] },
      truncated: false,
    });

    const human = new CapturedIO(repo.root, io.env);
    assert.equal(await impactCommand.run(['src/auth/token.ts:2'], human), 0);
    assert.match(human.out, /src\/auth\/token\.ts:2: unused\n {2}load-bearing itself: auth\n {2}nothing in the repository depends on it/);
  });

  it('fails with a one-line error for a missing file', async () => {
    repo = new TempRepo({ 'a.ts': 'export const a = 1;\n' });
    const io = new CapturedIO(repo.root, { XDG_CACHE_HOME: repo.path('.cache-dir-outside-index') });
    await assert.rejects(
      impactCommand.run(['missing.ts:3'], io),
      (error: unknown) => error instanceof CliError && /no such file: missing\.ts/.test(error.message),
    );
  });
});
