import * as vscode from 'vscode';
import { describeError, type Log } from '../log';
import type { GitApi, GitExtension } from './git';

const GIT_EXTENSION_ID = 'vscode.git';

/**
 * Runs `use` with the built-in git extension's API while there is one, and
 * disposes what it returned when the git extension is disabled. The git
 * extension may be absent (some builds ship without it) or disabled
 * (`git.enabled: false`): that is logged once and nothing else happens;
 * the commands work through the CLI core without it.
 */
export function withGitApi(log: Log, use: (api: GitApi) => vscode.Disposable): vscode.Disposable {
  let session: vscode.Disposable | undefined;
  let enablement: vscode.Disposable | undefined;
  let disposed = false;

  const start = (git: GitExtension) => {
    if (disposed || session || !git.enabled) return;
    try {
      session = use(git.getAPI(1));
    } catch (error) {
      log.warn(`The git extension's API is unavailable (${describeError(error)}): no trailer preview in the commit box.`);
    }
  };
  const stop = () => {
    session?.dispose();
    session = undefined;
  };

  void gitExtension(log).then((git) => {
    if (!git || disposed) return;
    if (!git.enabled) log.info('The git extension is disabled (git.enabled): no trailer preview in the commit box until it is enabled.');
    enablement = git.onDidChangeEnablement((enabled) => (enabled ? start(git) : stop()));
    start(git);
  });

  return new vscode.Disposable(() => {
    disposed = true;
    enablement?.dispose();
    stop();
  });
}

async function gitExtension(log: Log): Promise<GitExtension | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension) {
    log.info(`The built-in git extension (${GIT_EXTENSION_ID}) is not installed or is disabled: no trailer preview in the commit box.`);
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch (error) {
    log.warn(`The git extension did not activate (${describeError(error)}): no trailer preview in the commit box.`);
    return undefined;
  }
}
