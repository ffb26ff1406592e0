import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { Log } from '../log';

/**
 * Tells the user about configuration mistakes once per distinct message (a
 * warning notification and the log), so a typo is noticed without nagging on
 * every reload. The bad parts already fell back to their defaults.
 */
export class ConfigProblems {
  private readonly reported = new Set<string>();

  constructor(private readonly log: Log) {}

  /** Every problem reported so far, oldest first. */
  get reportedProblems(): readonly string[] {
    return [...this.reported];
  }

  /** `configFile`: the file to offer to open; undefined for problems of the user setting. */
  report(problems: readonly string[], configFile: vscode.Uri | undefined): void {
    const fresh = problems.filter((problem) => !this.reported.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.reported.add(problem);
      this.log.warn(problem);
    }
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more, see the log)` : '';
    const open = configFile ? `Open ${basename(configFile.fsPath)}` : 'Open Settings';
    void vscode.window
      .showWarningMessage(`AI Provenance: ${fresh[0]}${more}. Defaults are used for the invalid parts.`, open, 'Show Log')
      .then((choice) => {
        if (choice === 'Show Log') this.log.show(true);
        else if (choice === open && configFile) void vscode.window.showTextDocument(configFile);
        else if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'aiProvenance.loadBearing');
      });
  }
}
