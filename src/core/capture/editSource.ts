import type { RegionOrigin } from '../regions/create';

/**
 * What the editor says caused a change, when it says it:
 * `TextDocumentChangeEvent.detailedReason` of VS Code's
 * `textDocumentChangeReason` API proposal (code-server, VS Code Insiders,
 * `--enable-proposed-api`). `source` names the kind of edit; `metadata`
 * holds its details (`$extensionId`, `$modelId`, `$providerId`, `$mode`...).
 */
export interface EditSource {
  readonly source: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * What an edit source settles: `ai` (the origin of the text), `person`
 * (typing, paste, IntelliSense, snippets, refactorings: never AI), `undo`
 * (text put back as it was), `reload` (the file's text on disk). Sources not
 * listed here (an extension's WorkspaceEdit is plain `applyEdits`) settle
 * nothing: the heuristics judge them.
 */
export type EditSourceVerdict =
  { readonly kind: 'ai'; readonly origin: RegionOrigin } | { readonly kind: 'person' } | { readonly kind: 'undo' } | { readonly kind: 'reload' };

/** Edit sources of VS Code 1.139 (src/vs/editor/common/textModelEditSource.ts, EditSources) made by a person or their own tools. */
const PERSON_SOURCES = new Set(['cursor', 'suggest', 'snippet', 'rename', 'codeAction', 'eolChange']);

export function judgeEditSource(edit: EditSource, at: number): EditSourceVerdict | undefined {
  const metadata = edit.metadata ?? {};
  const tool = text(metadata.$extensionId) ?? text(metadata.$providerId);
  const named = (origin: RegionOrigin): EditSourceVerdict => ({
    kind: 'ai',
    origin: { ...origin, confidence: 1, createdAt: at, ...(tool ? { tool } : {}) },
  });
  switch (edit.source) {
    case 'inlineCompletionAccept':
      return named({ source: 'inline' });
    case 'inlineCompletionPartialAccept':
      return named({ source: 'inline-partial' });
    case 'Chat.applyEdits':
    case 'inlineChat.applyEdits': {
      // The editor escapes the model id's slashes ("copilot|gpt-4o").
      const model = text(metadata.$modelId)?.replaceAll('|', '/');
      const source = metadata.$mode === 'agent' ? 'agent' : 'chat';
      return named({ source, ...(model ? { model } : {}) });
    }
    case 'Chat.undoEdits':
    case 'Chat.reset':
      return { kind: 'undo' };
    case 'reloadFromDisk':
      return { kind: 'reload' };
    default:
      return PERSON_SOURCES.has(edit.source) ? { kind: 'person' } : undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
