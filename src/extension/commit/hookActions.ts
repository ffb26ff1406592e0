import { relative } from 'node:path';
import * as vscode from 'vscode';
import { HookInstallError, type InstallResult, type UninstallResult } from '../../core/provenance';
import { describeError, type Log } from '../log';
import type { CommitHooks } from './commitHooks';
import type { OfferMemory } from './offerMemory';
import { repositoryName } from '../repositories/repositoryContext';

/**
 * Installing and removing the hooks on the user's behalf, with a message
 * saying what happened. Both are remembered as the repository's answer, so
 * that it is not offered the hooks again.
 */
export class HookActions {
  constructor(
    private readonly hooks: CommitHooks,
    private readonly memory: OfferMemory,
    private readonly log: Log,
  ) {}

  async install(root: string): Promise<InstallResult | undefined> {
    try {
      const result = await this.hooks.install(root);
      await this.memory.remember(root, 'install');
      this.log.info(`Installed the commit hooks of ${root} in ${result.hooksDir}`);
      void vscode.window.showInformationMessage(installedMessage(root, result));
      return result;
    } catch (error) {
      this.failed('install the commit hooks of', root, error);
      return undefined;
    }
  }

  async uninstall(root: string): Promise<UninstallResult | undefined> {
    try {
      const result = await this.hooks.uninstall(root);
      await this.memory.remember(root, 'uninstalled');
      this.log.info(`Removed the commit hooks of ${root} from ${result.hooksDir}`);
      void vscode.window.showInformationMessage(uninstalledMessage(root, result));
      return result;
    } catch (error) {
      this.failed('remove the commit hooks of', root, error);
      return undefined;
    }
  }

  /** Refreshes hooks that are ours but stale (an extension update), without a word unless it fails. */
  async refresh(root: string, reasons: readonly string[]): Promise<void> {
    try {
      await this.hooks.install(root);
      this.log.info(`Refreshed the commit hooks of ${root}: ${reasons.join('; ')}`);
    } catch (error) {
      this.log.warn(`Could not refresh the commit hooks of ${root} (${reasons.join('; ')}): ${describeError(error)}`);
    }
  }

  private failed(what: string, root: string, error: unknown): void {
    // HookInstallError explains a refusal (shared or tracked hooks); anything else is unexpected.
    const reason = error instanceof HookInstallError ? error.message : `unexpected error: ${describeError(error)}`;
    this.log.error(`Could not ${what} ${root}: ${reason}`);
    void vscode.window.showErrorMessage(`AI Provenance could not ${what} ${repositoryName(root)}: ${reason}`);
  }
}

function installedMessage(root: string, result: InstallResult): string {
  const chained = result.hooks.filter((hook) => hook.chained).map((hook) => hook.name);
  return [
    `AI Provenance: commit hooks installed in ${displayDir(root, result.hooksDir)} of ${repositoryName(root)}.`,
    'Commits now get AI-* trailers and a note in refs/notes/ai-provenance.',
    ...(chained.length > 0 ? [`Your ${chained.join(', ')} ${chained.length === 1 ? 'hook runs' : 'hooks run'} first, as before.`] : []),
    ...result.warnings.map((warning) => `Note: ${warning}`),
  ].join(' ');
}

function uninstalledMessage(root: string, result: UninstallResult): string {
  return [
    `AI Provenance: commit hooks removed from ${repositoryName(root)}.`,
    ...(result.restored.length > 0 ? ['The hooks that were there before are back.'] : []),
    ...result.left.map((left) => `Left alone: ${displayDir(root, left.path)} (${left.reason}).`),
  ].join(' ');
}

/** Paths inside the repository are shown relative to it (.git/hooks). */
function displayDir(root: string, path: string): string {
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') ? inside : path;
}
