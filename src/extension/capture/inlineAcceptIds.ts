import type { RegionSource } from '../../core/regions';

/**
 * Our stand-ins for VS Code's inline-suggestion accept commands, and the
 * built-in each one runs (ids as in VS Code 1.139). Kept free of `vscode`
 * so that unit tests can check them against package.json and VS Code.
 */
export const INLINE_ACCEPT_COMMANDS: ReadonlyArray<{ readonly command: string; readonly builtIn: string; readonly source: RegionSource }> = [
  { command: 'aiProvenance.capture.acceptInlineSuggestion', builtIn: 'editor.action.inlineSuggest.commit', source: 'inline' },
  { command: 'aiProvenance.capture.acceptInlineSuggestionNextWord', builtIn: 'editor.action.inlineSuggest.acceptNextWord', source: 'inline-partial' },
  { command: 'aiProvenance.capture.acceptInlineSuggestionNextLine', builtIn: 'editor.action.inlineSuggest.acceptNextLine', source: 'inline-partial' },
];
