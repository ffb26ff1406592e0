import * as vscode from 'vscode';

/** Typed access to the `aiProvenance.*` settings, read fresh each time (they are cheap). */
export const settings = {
  get syncDelayMs(): number {
    return clamp(section().get<number>('store.syncDelayMs', 1000), 100, 60_000);
  },
};

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('aiProvenance');
}

/** Invalid values in settings.json fall back to the nearest valid one. */
/** `value` within [min, max]; not a number gives `min`. */
export function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
