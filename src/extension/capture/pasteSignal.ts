import * as vscode from 'vscode';
import type { CaptureClassifier } from '../../core/capture';
import { documentKey } from './editorClassifier';

/** How long a reported paste waits for its change. */
const PASTE_LIFETIME_MS = 2_000;

/**
 * Learns the pasted text at the moment of a paste: VS Code asks paste-edit
 * providers before it pastes, handing them the clipboard's text. We provide
 * no edit (the editor's own paste goes ahead unchanged) and only remember
 * the text, so that the change it makes is never taken for an AI insertion.
 * Reading the clipboard ourselves would be asynchronous (and, in a browser,
 * a permission prompt); this costs nothing on other edits.
 */
export function registerPasteSignal(classifier: CaptureClassifier): vscode.Disposable {
  return vscode.languages.registerDocumentPasteEditProvider(
    { scheme: 'file' },
    {
      async provideDocumentPasteEdits(document, _ranges, dataTransfer) {
        const text = await dataTransfer.get('text/plain')?.asString();
        if (text) classifier.pending.add(documentKey(document.uri), { kind: 'paste', text, until: Date.now() + PASTE_LIFETIME_MS });
        return undefined;
      },
    },
    { providedPasteEditKinds: [vscode.DocumentDropOrPasteEditKind.Text.append('aiProvenance')], pasteMimeTypes: ['text/plain'] },
  );
}
