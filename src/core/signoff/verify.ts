import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signedPayload } from './payload';
import { runProgram, withTempDir } from './runProgram';
import { SIGNATURE_NAMESPACE, type SignOffDocument } from './schema';
import { firstLine } from './sign';

/** Where verification gets its trust from: git's own settings (see SigningConfig). */
export interface TrustSettings {
  /**
   * ssh: who may sign as whom (gpg.ssh.allowedSignersFile): a file, or its
   * text when it was read from the base commit (see resolveTrust()).
   */
  readonly allowedSigners?: { readonly file: string } | { readonly text: string };
  readonly revocationFile?: string;
  readonly sshProgram: string;
  readonly gpgProgram: string;
}

export type Verification =
  { readonly status: 'good'; readonly detail: string } | { readonly status: 'unsigned' | 'bad' | 'unverifiable'; readonly reason: string };

/**
 * Checks a sign-off's signature over its payload, and that the key may sign
 * as the reviewer's e-mail: for ssh the allowed signers file must list that
 * e-mail as the key's principal (`ssh-keygen -Y verify -I <email>`), for
 * openpgp a user id of the good key must carry it.
 */
export async function verifySignOff(document: SignOffDocument, trust: TrustSettings): Promise<Verification> {
  const signature = document.signature;
  if (!signature) return { status: 'unsigned', reason: 'it is not signed' };
  const payload = signedPayload(document);
  return signature.format === 'ssh'
    ? verifySsh(payload, signature.signature, document.reviewer.email, trust)
    : verifyGpg(payload, signature.signature, document.reviewer.email, trust);
}

async function verifySsh(payload: string, signature: string, email: string, trust: TrustSettings): Promise<Verification> {
  const allowed = trust.allowedSigners;
  if (!allowed) return { status: 'unverifiable', reason: 'gpg.ssh.allowedSignersFile is not set, so ssh signatures cannot be verified' };
  return withTempDir(async (dir) => {
    const signatureFile = join(dir, 'sign-off.sig');
    await writeFile(signatureFile, signature);
    const allowedFile = 'file' in allowed ? allowed.file : join(dir, 'allowed_signers');
    if ('text' in allowed) await writeFile(allowedFile, allowed.text);
    const args = ['-Y', 'verify', '-f', allowedFile, '-I', email, '-n', SIGNATURE_NAMESPACE, '-s', signatureFile];
    if (trust.revocationFile) args.push('-r', trust.revocationFile);
    const result = await runProgram(trust.sshProgram, args, { input: payload });
    if (result.missing) return { status: 'unverifiable', reason: `${trust.sshProgram} is not installed` };
    if (result.exitCode === 0) return { status: 'good', detail: firstLine(result.stdout) || `good ssh signature for ${email}` };
    const why = firstLine(result.stderr) || firstLine(result.stdout) || `exit code ${result.exitCode}`;
    return { status: 'bad', reason: `its ssh signature does not verify for ${email} against the allowed signers (${why})` };
  });
}

async function verifyGpg(payload: string, signature: string, email: string, trust: TrustSettings): Promise<Verification> {
  return withTempDir(async (dir) => {
    const signatureFile = join(dir, 'sign-off.asc');
    await writeFile(signatureFile, signature);
    const result = await runProgram(trust.gpgProgram, ['--status-fd=1', '--verify', signatureFile, '-'], { input: payload });
    if (result.missing) return { status: 'unverifiable', reason: `${trust.gpgProgram} is not installed` };
    const status = (name: string) => new RegExp(`^\\[GNUPG:\\] ${name} (.*)$`, 'm').exec(result.stdout)?.[1];
    if (status('NO_PUBKEY') !== undefined || status('ERRSIG') !== undefined)
      return { status: 'unverifiable', reason: 'its OpenPGP key is not in the keyring' };
    for (const name of ['BADSIG', 'EXPKEYSIG', 'REVKEYSIG', 'EXPSIG']) {
      if (status(name) !== undefined) return { status: 'bad', reason: `its OpenPGP signature is not good (${name})` };
    }
    const valid = status('VALIDSIG');
    if (status('GOODSIG') === undefined || !valid || result.exitCode !== 0) return { status: 'bad', reason: 'its OpenPGP signature does not verify' };
    // VALIDSIG <fingerprint> ... <primary key fingerprint> is the last field.
    const primary = valid.trim().split(/\s+/).pop()!;
    const keys = await runProgram(trust.gpgProgram, ['--with-colons', '--list-keys', primary]);
    const emails = keys.stdout
      .split('\n')
      .filter((line) => line.startsWith('uid:'))
      .map((line) => /<([^>]+)>/.exec(line.split(':')[9] ?? '')?.[1]?.toLowerCase());
    if (!emails.includes(email.toLowerCase())) return { status: 'bad', reason: `its OpenPGP key ${primary.slice(-16)} has no user id for ${email}` };
    return { status: 'good', detail: `good OpenPGP signature by ${email} (key ${primary.slice(-16)})` };
  });
}
