import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runProgram, withTempDir } from './runProgram';
import { SIGNATURE_NAMESPACE, type Signature } from './schema';
import { expandHome, literalSshKey, type SigningConfig } from './signingConfig';

export class SigningError extends Error {}

/**
 * Signs `payload` with the key git would sign commits with: `ssh-keygen -Y
 * sign` for gpg.format ssh, `gpg -bsau` for openpgp. Throws a SigningError
 * that says what to fix; never falls back to an unsigned sign-off by itself.
 */
export async function signPayload(root: string, config: SigningConfig, payload: string): Promise<Signature> {
  if (!config.signingKey) throw new SigningError('user.signingkey is not set');
  if (config.format === 'ssh') return { format: 'ssh', signature: await sshSign(root, config.program, config.signingKey, payload) };
  if (config.format === 'openpgp') return { format: 'openpgp', signature: await gpgSign(root, config.program, config.signingKey, payload) };
  throw new SigningError(`gpg.format ${config.format} is not supported for sign-offs (use ssh or openpgp)`);
}

async function sshSign(root: string, program: string, signingKey: string, payload: string): Promise<string> {
  return withTempDir(async (dir) => {
    const literal = literalSshKey(signingKey);
    let keyFile = expandHome(signingKey, root)!;
    if (literal !== undefined) {
      // As git does: an inline public key is written to a file, and its private half comes from ssh-agent (-U).
      keyFile = join(dir, 'signing-key.pub');
      await writeFile(keyFile, `${literal}\n`, { mode: 0o600 });
    }
    const payloadFile = join(dir, 'sign-off.json');
    await writeFile(payloadFile, payload);
    const args = ['-Y', 'sign', '-n', SIGNATURE_NAMESPACE, '-f', keyFile, ...(literal !== undefined ? ['-U'] : []), payloadFile];
    const result = await runProgram(program, args, { cwd: root });
    if (result.exitCode !== 0) throw new SigningError(`${program} -Y sign failed: ${firstLine(result.stderr) || `exit code ${result.exitCode}`}`);
    try {
      return await readFile(`${payloadFile}.sig`, 'utf8');
    } catch {
      throw new SigningError(`${program} -Y sign wrote no signature`);
    }
  });
}

async function gpgSign(root: string, program: string, signingKey: string, payload: string): Promise<string> {
  const result = await runProgram(program, ['--status-fd=2', '-bsau', signingKey], { cwd: root, input: payload });
  if (result.exitCode !== 0 || !/^\[GNUPG:\] SIG_CREATED /m.test(result.stderr)) {
    const reason = result.stderr.split('\n').find((line) => line.trim() !== '' && !line.startsWith('[GNUPG:]'));
    throw new SigningError(`${program} failed to sign: ${reason?.trim() || `exit code ${result.exitCode}`}`);
  }
  return result.stdout;
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}
