import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { lastValue, readGitConfig } from '../provenance/settings';

/**
 * How git signs and verifies here, read the way git reads it:
 * `gpg.format` (openpgp by default, or ssh), `user.signingkey`,
 * `gpg.ssh.program` / `gpg.<format>.program` / `gpg.program`,
 * `gpg.ssh.allowedSignersFile` and `gpg.ssh.revocationFile`.
 */
export interface SigningConfig {
  readonly format: 'openpgp' | 'ssh' | 'x509';
  /** user.signingkey; sign-offs are signed only when it is set. */
  readonly signingKey?: string;
  /** The program for the configured format. */
  readonly program: string;
  /** The programs git would verify ssh and openpgp signatures with. */
  readonly sshProgram: string;
  readonly gpgProgram: string;
  readonly allowedSignersFile?: string;
  readonly revocationFile?: string;
}

export function expandHome(path: string | undefined, root: string): string | undefined {
  if (path === undefined || path.trim() === '') return undefined;
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  // git leaves a relative path relative to where it runs: the top of the work tree.
  return isAbsolute(path) ? path : join(root, path);
}

export async function readSigningConfig(root: string): Promise<SigningConfig> {
  const config = await readGitConfig(root);
  const format = (lastValue(config, 'gpg.format') ?? 'openpgp').trim().toLowerCase();
  const known = format === 'ssh' || format === 'x509' ? format : 'openpgp';
  const sshProgram = lastValue(config, 'gpg.ssh.program') ?? 'ssh-keygen';
  const gpgProgram = lastValue(config, 'gpg.openpgp.program') ?? lastValue(config, 'gpg.program') ?? 'gpg';
  const program = known === 'ssh' ? sshProgram : known === 'openpgp' ? gpgProgram : (lastValue(config, 'gpg.x509.program') ?? 'gpgsm');
  const signingKey = lastValue(config, 'user.signingkey')?.trim();
  const allowed = expandHome(lastValue(config, 'gpg.ssh.allowedsignersfile'), root);
  const revocation = expandHome(lastValue(config, 'gpg.ssh.revocationfile'), root);
  return {
    format: known,
    ...(signingKey ? { signingKey } : {}),
    program,
    sshProgram,
    gpgProgram,
    ...(allowed ? { allowedSignersFile: allowed } : {}),
    ...(revocation ? { revocationFile: revocation } : {}),
  };
}

/** An ssh signing key given inline (`key::ssh-ed25519 AAAA...` or a bare public key), as git accepts it. */
export function literalSshKey(signingKey: string): string | undefined {
  if (signingKey.startsWith('key::')) return signingKey.slice('key::'.length);
  if (/^(ssh-|ecdsa-|sk-)/.test(signingKey)) return signingKey;
  return undefined;
}
