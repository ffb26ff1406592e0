import * as vscode from 'vscode';
import type { CaptureClassifier, PendingCapture } from '../../core/capture';
import { documentKey } from './editorClassifier';
import { INLINE_ACCEPT_COMMANDS } from './inlineAcceptIds';

/** A signal that outlives its command this long is dropped (the command hung or changed nothing). */
const SIGNAL_LIFETIME_MS = 5_000;

/**
 * Keybindings with the same keys and `when` clauses as VS Code's own
 * (package.json) run these commands instead of the built-in accept commands;
 * each announces "the next change of this document is an accepted
 * suggestion" and runs the built-in command, whose edit reaches us before
 * the command returns.
 */
export function registerInlineAcceptCommands(classifier: CaptureClassifier): vscode.Disposable[] {
  return INLINE_ACCEPT_COMMANDS.map(({ command, builtIn, source }) =>
    vscode.commands.registerCommand(command, async (...args: unknown[]) => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.uri.scheme !== 'file') return vscode.commands.executeCommand(builtIn, ...args);
      const key = documentKey(document.uri);
      const signal: PendingCapture = { kind: 'inline', source, until: Date.now() + SIGNAL_LIFETIME_MS };
      classifier.pending.add(key, signal);
      try {
        return await vscode.commands.executeCommand(builtIn, ...args);
      } finally {
        classifier.pending.remove(key, signal);
      }
    }),
  );
}
