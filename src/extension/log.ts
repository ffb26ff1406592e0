import * as vscode from 'vscode';

/** The extension's output channel ("AI Provenance" in the Output view). */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('AI Provenance', { log: true });
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
