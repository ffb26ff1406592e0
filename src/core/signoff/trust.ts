import { access } from 'node:fs/promises';
import { toRepoPath } from '../git/repository';
import { readFileAt } from './baseFiles';
import { readSigningConfig } from './signingConfig';
import type { TrustSettings } from './verify';

export interface ResolvedTrust {
  readonly trust: TrustSettings;
  /** Said once in the gate's notices (where the allowed signers came from, or why there are none). */
  readonly notices: readonly string[];
}

/**
 * The verifier's trust, from git config. An allowed signers file inside the
 * repository is read from the base commit, not the work tree: the change
 * under review must not be able to add its own key.
 */
export async function resolveTrust(root: string, base: string): Promise<ResolvedTrust> {
  const config = await readSigningConfig(root);
  const notices: string[] = [];
  let allowedSigners: TrustSettings['allowedSigners'];
  const file = config.allowedSignersFile;
  if (file !== undefined) {
    const inRepo = toRepoPath(root, file);
    if (inRepo !== undefined) {
      const text = await readFileAt(root, base, inRepo);
      if (text !== undefined) {
        allowedSigners = { text };
        notices.push(`ssh sign-offs are verified against ${inRepo} as it is in the base commit`);
      } else {
        notices.push(`gpg.ssh.allowedSignersFile ${inRepo} is not in the base commit: ssh sign-offs cannot be verified`);
      }
    } else if (await exists(file)) {
      allowedSigners = { file };
    } else {
      notices.push(`gpg.ssh.allowedSignersFile ${file} does not exist: ssh sign-offs cannot be verified`);
    }
  }
  return {
    trust: {
      ...(allowedSigners ? { allowedSigners } : {}),
      ...(config.revocationFile ? { revocationFile: config.revocationFile } : {}),
      sshProgram: config.sshProgram,
      gpgProgram: config.gpgProgram,
    },
    notices,
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
