import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IndexOpenOptions } from '../../../src/extension/index/protocol';

/** A throwaway folder of files, optionally a git repository with one commit. */
export class Workspace {
  readonly root = realpathSync(mkdtempSync(join(tmpdir(), 'aip-index-service-')));
  /** Outside the listed files, as the extension keeps it in .git/ai-provenance. */
  readonly cacheDir = join(this.root, '.git', 'ai-provenance');

  constructor(files: Record<string, string>, options: { git?: boolean } = {}) {
    this.write(files);
    mkdirSync(join(this.root, '.git'), { recursive: true });
    if (options.git) {
      rmSync(join(this.root, '.git'), { recursive: true });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: this.root, stdio: 'pipe' });
      git('init', '--quiet');
      git('add', '--all');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'files');
    }
  }

  write(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
      const absolute = this.path(path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
  }

  remove(path: string): void {
    rmSync(this.path(path), { recursive: true, force: true });
  }

  path(relative: string): string {
    return join(this.root, ...relative.split('/'));
  }

  openOptions(overrides: Partial<IndexOpenOptions> = {}): IndexOpenOptions {
    return {
      root: this.root,
      cacheDir: this.cacheDir,
      exclude: [],
      maxFileBytes: 1 << 20,
      parseWorkers: 0,
      trusted: true,
      loadBearingSetting: {},
      discardCache: false,
      ...overrides,
    };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A small layered project: ledger <- refund, cart <- routes. */
export const LEDGER_PROJECT: Record<string, string> = {
  'src/payments/ledger.ts': 'export function postEntry(amount: number): void {\n  console.log(amount);\n}\n\nexport const unused = 1;\n',
  'src/payments/refund.ts': "import { postEntry } from './ledger';\nexport function refund(): void {\n  postEntry(-1);\n}\n",
  'src/checkout/cart.ts': "import { postEntry } from '../payments/ledger';\nexport function checkout(): void {\n  postEntry(1);\n}\n",
  'src/api/routes.ts': "import { checkout } from '../checkout/cart';\nexport const routes = { checkout };\n",
};

/** Polls `condition` until it returns a truthy value. */
export async function eventually<T>(what: string, condition: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
