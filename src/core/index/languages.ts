import type { LanguageId } from './types';

/** What the parser needs to know about each language. */
export interface LanguageSpec {
  readonly id: LanguageId;
  /** Grammar .wasm file name (shipped in dist/grammars or its npm package). */
  readonly grammar: string;
  readonly grammarPackage: string;
  /** Query files, concatenated, for the top-level structure (run at depth 0). */
  readonly structureQueries: readonly string[];
  /** Query for imports nested anywhere (run only when `nestedHint` matches the text). */
  readonly nestedQuery: string;
  readonly nestedHint: RegExp;
}

const ecmascriptNested = /\b(?:require|import)\s*\(/;

const SPECS: Record<LanguageId, LanguageSpec> = {
  typescript: {
    id: 'typescript',
    grammar: 'tree-sitter-typescript.wasm',
    grammarPackage: 'tree-sitter-typescript',
    structureQueries: ['ecmascript.scm', 'typescript.scm'],
    nestedQuery: 'ecmascript-nested.scm',
    nestedHint: ecmascriptNested,
  },
  tsx: {
    id: 'tsx',
    grammar: 'tree-sitter-tsx.wasm',
    grammarPackage: 'tree-sitter-typescript',
    structureQueries: ['ecmascript.scm', 'typescript.scm'],
    nestedQuery: 'ecmascript-nested.scm',
    nestedHint: ecmascriptNested,
  },
  javascript: {
    id: 'javascript',
    grammar: 'tree-sitter-javascript.wasm',
    grammarPackage: 'tree-sitter-javascript',
    structureQueries: ['ecmascript.scm'],
    nestedQuery: 'ecmascript-nested.scm',
    nestedHint: ecmascriptNested,
  },
  python: {
    id: 'python',
    grammar: 'tree-sitter-python.wasm',
    grammarPackage: 'tree-sitter-python',
    structureQueries: ['python.scm'],
    nestedQuery: 'python-nested.scm',
    // Imports inside functions, `if TYPE_CHECKING:` and try/except blocks.
    nestedHint: /^[ \t]+(?:import|from)\s/m,
  },
  go: {
    id: 'go',
    grammar: 'tree-sitter-go.wasm',
    grammarPackage: 'tree-sitter-go',
    structureQueries: ['go.scm'],
    nestedQuery: '',
    nestedHint: /(?!)/,
  },
};

export function languageSpec(id: LanguageId): LanguageSpec {
  return SPECS[id];
}

const BY_EXTENSION: Record<string, LanguageId> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.py': 'python',
  '.pyi': 'python',
  '.go': 'go',
};

/** The language of a path by its extension, or undefined when we don't index it. */
export function languageOf(path: string): LanguageId | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  return BY_EXTENSION[path.slice(dot).toLowerCase()];
}

export function isEcmascript(id: LanguageId): boolean {
  return id === 'typescript' || id === 'tsx' || id === 'javascript';
}
