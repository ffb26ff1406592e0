import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { hooksStatus, installHooks, uninstallHooks, type HooksStatus, type InstallResult, type UninstallResult } from '../../core/provenance';

/** How long a hooks status is trusted before it is read again (a terminal may install or remove hooks meanwhile). */
const STATUS_MAX_AGE_MS = 10_000;

/**
 * The commit hooks of repositories, installed from the CLI bundle shipped
 * with the extension. The hooks run a copy of that bundle with `node` from
 * PATH, else with the binary given here: the editor's own executable, which
 * the hooks run with ELECTRON_RUN_AS_NODE=1 so that it behaves as node.
 */
export class CommitHooks implements vscode.Disposable {
  private readonly statuses = new Map<string, { readonly at: number; readonly status: Promise<HooksStatus> }>();
  private readonly changeEmitter = new vscode.EventEmitter<string>();
  private readonly statusEmitter = new vscode.EventEmitter<{ readonly root: string; readonly status: HooksStatus }>();
  /** Fires with a repository root after its hooks were installed, refreshed or removed from here. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires with every status read from disk. */
  readonly onDidReadStatus = this.statusEmitter.event;

  constructor(
    /** dist/cli.js of this extension. */
    readonly cliPath: string,
    private readonly editorBinary: string = process.execPath,
  ) {}

  /** The hooks' status, compared with this extension's CLI; cached for a few seconds. */
  status(root: string, options: { readonly fresh?: boolean } = {}): Promise<HooksStatus> {
    const cached = this.statuses.get(root);
    if (cached && !options.fresh && Date.now() - cached.at < STATUS_MAX_AGE_MS) return cached.status;
    const status = hooksStatus(root, { cliPath: this.cliPath });
    this.statuses.set(root, { at: Date.now(), status });
    status.then(
      (read) => this.statusEmitter.fire({ root, status: read }),
      () => this.statuses.delete(root),
    );
    return status;
  }

  async install(root: string): Promise<InstallResult> {
    try {
      return await installHooks(root, { cliPath: this.cliPath, nodePath: await this.nodeFor(root) });
    } finally {
      this.changed(root);
    }
  }

  async uninstall(root: string): Promise<UninstallResult> {
    try {
      return await uninstallHooks(root);
    } finally {
      this.changed(root);
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.statusEmitter.dispose();
  }

  /**
   * Keeps the node binary recorded by an earlier installation (it may be a
   * real node given to `hook install --node`) while it still exists.
   */
  private async nodeFor(root: string): Promise<string> {
    const recorded = await this.status(root).then((status) => status.nodeFallback, () => undefined);
    return recorded && existsSync(recorded) ? recorded : this.editorBinary;
  }

  private changed(root: string): void {
    this.statuses.delete(root);
    this.changeEmitter.fire(root);
    // Read again now, so that onDidReadStatus listeners (the menus' context key) follow.
    this.status(root).catch(() => undefined);
  }
}
