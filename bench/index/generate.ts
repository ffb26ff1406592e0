import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A seeded synthetic monorepo shaped like the real ones the index is for:
 * npm workspaces of TypeScript packages wired by tsconfig `paths`, barrel
 * files with `export *` and renamed re-exports, import cycles inside
 * packages, `.js`-suffixed ESM imports, type-only and dynamic imports, tests,
 * external packages; plus a Python part (relative and absolute imports) and a
 * Go module. Same seed, same tree.
 */

export interface GenerateOptions {
  readonly dir: string;
  /** TypeScript source files (default 20,000). */
  readonly files?: number;
  readonly seed?: number;
  /** Python and Go files, each (default 5% of `files`). */
  readonly otherFiles?: number;
}

export interface GeneratedTree {
  readonly dir: string;
  readonly tsFiles: number;
  readonly pyFiles: number;
  readonly goFiles: number;
  readonly bytes: number;
  /** A module with many dependents, for impact queries. */
  readonly sampleFiles: readonly string[];
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateMonorepo(options: GenerateOptions): GeneratedTree {
  const random = mulberry32(options.seed ?? 42);
  const pick = (n: number) => Math.floor(random() * n);
  const total = options.files ?? 20_000;
  const other = options.otherFiles ?? Math.max(10, Math.round(total * 0.05));
  const dir = options.dir;
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  const write = (path: string, text: string) => {
    const absolute = join(dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    bytes += text.length;
  };

  const packageCount = Math.max(2, Math.round(total / 100));
  const perPackage = Math.max(4, Math.floor(total / packageCount));
  const folders = 5;
  write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }, null, 2));
  write(
    'tsconfig.base.json',
    `// Shared compiler options (comments allowed, as in real configs)\n${JSON.stringify(
      { compilerOptions: { target: 'ES2022', module: 'nodenext', strict: true, baseUrl: '.', paths: { '@mono/*': ['packages/*/src'] } } },
      null,
      2,
    )}\n`,
  );
  write('tsconfig.json', JSON.stringify({ extends: './tsconfig.base.json', include: ['packages'] }, null, 2));
  write('.gitignore', 'node_modules/\ndist/\n');

  const modulePath = (m: number) => `src/f${m % folders}/m${m}`;
  const barrelled = (m: number) => m < perPackage / 2;
  let tsFiles = 0;
  const sampleFiles: string[] = [];
  for (let p = 0; p < packageCount; p++) {
    const root = `packages/pkg-${p}`;
    write(
      `${root}/package.json`,
      JSON.stringify({ name: `@mono/pkg-${p}`, version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts' }, null, 2),
    );
    write(
      `${root}/tsconfig.json`,
      JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' } }, null, 2),
    );
    const barrel: string[] = [];
    for (let m = 0; m < perPackage; m++) {
      if (!barrelled(m)) continue;
      barrel.push(
        m % 7 === 3 ? `export { p${p}m${m}f0 as p${p}alias${m} } from './f${m % folders}/m${m}';` : `export * from './f${m % folders}/m${m}';`,
      );
    }
    write(`${root}/src/index.ts`, `${barrel.join('\n')}\n`);
    tsFiles++;
    for (let m = 0; m < perPackage; m++) {
      const isTest = m % 20 === 19;
      const name = isTest ? `${modulePath(m - 1)}.test` : modulePath(m);
      write(`${root}/${name}.ts`, isTest ? testModule(p, m - 1) : tsModule(p, m));
      tsFiles++;
    }
    if (p === 0) sampleFiles.push(`${root}/${modulePath(0)}.ts`, `${root}/${modulePath(1)}.ts`);
  }

  function tsModule(p: number, m: number): string {
    const lines: string[] = [];
    const used: string[] = [];
    const fromFolder = m % folders;
    // Same-package imports mostly point at earlier modules (layered code); one in
    // twenty points forward, which makes the occasional import cycle.
    for (let k = 0; k < 3; k++) {
      const target = m > 0 && random() > 0.05 ? pick(m) : pick(perPackage);
      if (target === m || target % 20 === 19) continue;
      const folder = target % folders;
      const base = folder === fromFolder ? `./m${target}` : `../f${folder}/m${target}`;
      const suffix = random() < 0.2 ? '.js' : '';
      const name = `p${p}m${target}f${k % 3}`;
      if (used.includes(name)) continue;
      if (random() < 0.08) {
        lines.push(`import type { P${p}M${target}Shape } from '${base}${suffix}';`);
      } else {
        lines.push(`import { ${name} } from '${base}${suffix}';`);
        used.push(name);
      }
    }
    // Another package through its barrel (tsconfig paths).
    const other = (p + 1 + pick(packageCount - 1)) % packageCount;
    const otherModule = pick(Math.floor(perPackage / 2));
    if (otherModule % 20 !== 19) {
      const exported = otherModule % 7 === 3 ? `p${other}alias${otherModule}` : `p${other}m${otherModule}f0`;
      lines.push(`import { ${exported} } from '@mono/pkg-${other}';`);
      used.push(exported);
    }
    if (random() < 0.3) lines.push(`import { debounce } from 'lodash';`);
    if (random() < 0.2) lines.push(`import { readFileSync } from 'node:fs';`);
    lines.push('');
    lines.push(`export interface P${p}M${m}Shape {\n  id: number;\n  label: string;\n  weight: number;\n}\n`);
    lines.push(`export const P${p}M${m}_LIMIT = ${pick(1000)};\n`);
    for (let f = 0; f < 4; f++) {
      const call = used.length > 0 ? `${used[f % used.length]}(value + ${f})` : `value * ${f + 1}`;
      lines.push(
        `/** Computes step ${f} of module ${m}. */\nexport function p${p}m${m}f${f}(value: number): number {\n  const base = ${call};\n  let total = 0;\n  for (let i = 0; i < ${3 + f}; i++) {\n    total += (base * i) % P${p}M${m}_LIMIT;\n  }\n  if (total > ${100 * (f + 1)}) {\n    return total - ${f};\n  }\n  return total + base;\n}\n`,
      );
    }
    lines.push(
      `export class P${p}M${m}Service {\n  private readonly cache = new Map<number, number>();\n\n  compute(value: number): number {\n    const hit = this.cache.get(value);\n    if (hit !== undefined) return hit;\n    const result = p${p}m${m}f0(value) + p${p}m${m}f1(value);\n    this.cache.set(value, result);\n    return result;\n  }\n\n  describe(shape: P${p}M${m}Shape): string {\n    return \`\${shape.label}:\${shape.id}:\${this.compute(shape.weight)}\`;\n  }\n}\n`,
    );
    if (random() < 0.05) {
      const target = pick(perPackage);
      if (target !== m && target % 20 !== 19)
        lines.push(`export async function p${p}m${m}lazy(): Promise<unknown> {\n  return import('../f${target % folders}/m${target}.js');\n}\n`);
    }
    return lines.join('\n');
  }

  function testModule(p: number, m: number): string {
    return `import { p${p}m${m}f0, P${p}M${m}Service } from './m${m}';\n\ndescribe('m${m}', () => {\n  it('computes', () => {\n    const service = new P${p}M${m}Service();\n    if (service.compute(1) !== p${p}m${m}f0(1) + 0) throw new Error('mismatch');\n  });\n});\n`;
  }

  // Python: a src-layout package with relative and absolute imports.
  write('py/pyproject.toml', '[project]\nname = "app"\n');
  write('py/src/app/__init__.py', '');
  const pyPackages = Math.max(2, Math.round(other / 20));
  let pyFiles = 1;
  for (let k = 0; k < pyPackages; k++) {
    write(`py/src/app/pkg${k}/__init__.py`, `from .mod0 import func0\n`);
    pyFiles++;
  }
  for (let i = 0; i < other; i++) {
    const k = i % pyPackages;
    const m = Math.floor(i / pyPackages);
    const sibling = pick(Math.max(1, Math.floor(other / pyPackages)));
    const otherPackage = pick(pyPackages);
    write(
      `py/src/app/pkg${k}/mod${m}.py`,
      `import os\nfrom . import mod${sibling}\nfrom ..pkg${otherPackage} import func0 as other_func\nimport app.pkg${otherPackage}.mod0 as shared\n\n\ndef func0(value):\n    return value + 1\n\n\ndef func1(value):\n    return other_func(value) + shared.func0(value) + len(os.sep)\n\n\nclass Handler:\n    def handle(self, value):\n        return mod${sibling}.func0(value)\n`,
    );
    pyFiles++;
  }

  // Go: one module, packages importing each other.
  write('go/go.mod', 'module example.com/mono\n\ngo 1.22\n');
  const goPackages = Math.max(2, Math.round(other / 10));
  let goFiles = 0;
  for (let i = 0; i < other; i++) {
    const k = i % goPackages;
    const m = Math.floor(i / goPackages);
    const dep = (k + 1 + pick(goPackages - 1)) % goPackages;
    write(
      `go/pkg${k}/file${m}.go`,
      `package pkg${k}\n\nimport (\n\t"fmt"\n\n\t"example.com/mono/pkg${dep}"\n)\n\n// Func${m} calls into pkg${dep}.\nfunc Func${m}(value int) int {\n\treturn pkg${dep}.Func0(value) + helper${m}(value)\n}\n\nfunc helper${m}(value int) int {\n\tfmt.Sprint(value)\n\treturn value * 2\n}\n\ntype Type${m} struct{ Value int }\n\nfunc (t *Type${m}) Double() int { return Func${m}(t.Value) }\n`,
    );
    goFiles++;
  }
  return { dir, tsFiles, pyFiles, goFiles, bytes, sampleFiles };
}
