import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNOFFS_REF } from '../../../src/core/signoff/schema';
import { useTempDir } from '../../support/tempDir';
import { BOB, REFUND, Team, allFindings, cli, gateJson, identity } from './team';

const SIGNED_POLICY = { policy: { requireSignOff: 'payments', signOff: { signed: true } } };

/** An ed25519 key pair made for the test (no passphrase); returns the private key's path. */
function sshKey(dir: string, name: string): { key: string; publicKey: string } {
  const key = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
  return { key, publicKey: readFileSync(`${key}.pub`, 'utf8').trim() };
}

function useSshSigning(repo: { git(...args: string[]): string }, key: string): void {
  repo.git('config', 'gpg.format', 'ssh');
  repo.git('config', 'user.signingkey', key);
}

function needsSignOff(team: Team) {
  const { code, result } = gateJson(team.reviewer);
  return { code, finding: allFindings(result).find((finding) => finding.kind === 'needs-sign-off') };
}

describe('review: signed sign-offs, verified like git verifies signatures (ssh-keygen -Y, gpg)', function () {
  this.timeout(120_000);
  const tempDir = useTempDir();
  let team: Team;
  let keys: string;
  let bob: { key: string; publicKey: string };
  beforeEach(async () => {
    team = new Team(tempDir());
    keys = join(tempDir(), 'keys');
    mkdirSync(keys);
    bob = sshKey(keys, 'bob');
    await team.start(SIGNED_POLICY);
    await team.authorBranch();
    team.reviewerFetches();
  });

  it("signs with git's ssh signing key and passes the gate against gpg.ssh.allowedSignersFile", () => {
    useSshSigning(team.reviewer, bob.key);
    const allowed = join(keys, 'allowed_signers');
    writeFileSync(allowed, `${BOB.email} ${bob.publicKey}\n`);
    team.reviewer.git('config', 'gpg.ssh.allowedSignersFile', allowed);
    const run = cli(team.reviewer, 'review', 'sign-off', '--files', REFUND);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /signed \(ssh\)/);
    const note = team.reviewer.git('notes', '--ref', SIGNOFFS_REF, 'show', 'HEAD');
    assert.match(JSON.parse(note.trim()).signature.signature, /^-----BEGIN SSH SIGNATURE-----/);
    assert.equal(needsSignOff(team).code, 0);
  });

  it('an unsigned sign-off does not count, and the finding says why', () => {
    team.reviewer.git('config', 'gpg.ssh.allowedSignersFile', join(keys, 'none'));
    assert.equal(cli(team.reviewer, 'review', 'sign-off', '--no-sign').code, 0);
    const { code, finding } = needsSignOff(team);
    assert.equal(code, 1);
    assert.match(finding!.message, /the sign-off by bob@example\.com does not count: it is not signed \(policy\.signOff\.signed\)/);
  });

  it('without gpg.ssh.allowedSignersFile a signed sign-off cannot be verified and does not count', () => {
    useSshSigning(team.reviewer, bob.key);
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    const { code, finding } = needsSignOff(team);
    assert.equal(code, 1);
    assert.match(finding!.message, /gpg\.ssh\.allowedSignersFile is not set, so ssh signatures cannot be verified/);
  });

  it('a sign-off edited after signing, or signed by a key not allowed for the e-mail, is badly signed', () => {
    const allowed = join(keys, 'allowed_signers');
    writeFileSync(allowed, `${BOB.email} ${bob.publicKey}\n`);
    team.reviewer.git('config', 'gpg.ssh.allowedSignersFile', allowed);
    useSshSigning(team.reviewer, bob.key);
    assert.equal(cli(team.reviewer, 'review', 'sign-off', '--comment', 'fine').code, 0);
    // Someone rewrites the stored document (a wider claim, a different comment): the signature no longer matches.
    const head = team.reviewer.git('rev-parse', 'HEAD').trim();
    const document = JSON.parse(team.reviewer.git('notes', '--ref', SIGNOFFS_REF, 'show', head).trim());
    document.comment = 'fine, and more';
    spawnSync('git', ['notes', '--ref', SIGNOFFS_REF, 'add', '-f', '-m', JSON.stringify(document), head], { cwd: team.reviewer.root });
    let result = needsSignOff(team);
    assert.equal(result.code, 1);
    assert.match(result.finding!.message, /its ssh signature does not verify for bob@example\.com against the allowed signers/);

    // Mallory signs with her own key while claiming Bob's e-mail.
    const mallory = sshKey(keys, 'mallory');
    team.reviewer.git('notes', '--ref', SIGNOFFS_REF, 'remove', head);
    useSshSigning(team.reviewer, mallory.key);
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    result = needsSignOff(team);
    assert.equal(result.code, 1);
    assert.match(result.finding!.message, /does not count: its ssh signature does not verify for bob@example\.com/);
  });

  it('an allowed signers file in the repository is read from the base: the branch cannot add its own key', async () => {
    const mallory = sshKey(keys, 'mallory');
    // On main: only Bob may sign. The branch adds Mallory's key to the file.
    team.author.git('checkout', '-q', 'main');
    team.author.write('.github/allowed_signers', `${BOB.email} ${bob.publicKey}\n`);
    team.author.commitAll('allowed signers');
    team.author.git('push', '-q', 'origin', 'main');
    team.author.git('checkout', '-q', 'feature');
    // As the installed hooks configure it: notes follow the rebased commits.
    team.author.git('-c', 'notes.rewriteRef=refs/notes/ai-provenance', 'rebase', '-q', 'main');
    team.author.write('.github/allowed_signers', `${BOB.email} ${bob.publicKey}\nmallory@example.com ${mallory.publicKey}\n`);
    team.author.commitAll('trust me');
    team.author.git('push', '-q', '-f', 'origin', 'feature', 'refs/notes/ai-provenance');
    team.reviewerFetches();
    team.reviewer.git('config', 'gpg.ssh.allowedSignersFile', '.github/allowed_signers');

    identity(team.reviewer, { name: 'Mallory', email: 'mallory@example.com' });
    useSshSigning(team.reviewer, mallory.key);
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    const run = cli(team.reviewer, 'gate', '--base', 'origin/main', '--json');
    const result = JSON.parse(run.stdout);
    assert.equal(run.code, 1);
    assert.ok(
      result.notices.includes('ssh sign-offs are verified against .github/allowed_signers as it is in the base commit'),
      result.notices.join('\n'),
    );
    assert.match(allFindings(result).find((finding) => finding.kind === 'needs-sign-off')!.message, /does not verify for mallory@example\.com/);

    identity(team.reviewer, BOB);
    useSshSigning(team.reviewer, bob.key);
    assert.equal(cli(team.reviewer, 'review', 'sign-off').code, 0);
    assert.equal(needsSignOff(team).code, 0);
  });

  it('a signing failure records nothing and says how to sign off unsigned', async () => {
    useSshSigning(team.reviewer, join(keys, 'no-such-key'));
    const run = cli(team.reviewer, 'review', 'sign-off');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /could not sign the sign-off: .*ssh-keygen -Y sign failed.*nothing was recorded; to record it unsigned, use --no-sign/);
    assert.equal(spawnSync('git', ['notes', '--ref', SIGNOFFS_REF, 'list'], { cwd: team.reviewer.root, encoding: 'utf8' }).stdout, '');
  });

  describe('with OpenPGP (gpg.format openpgp, the default)', () => {
    let gnupgHome: string;
    let previous: string | undefined;
    beforeEach(() => {
      gnupgHome = join(tempDir(), 'gnupg');
      mkdirSync(gnupgHome, { mode: 0o700 });
      previous = process.env.GNUPGHOME;
      process.env.GNUPGHOME = gnupgHome;
      for (const who of [`${BOB.name} <${BOB.email}>`, 'Mallory <mallory@example.com>']) {
        execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', who, 'ed25519', 'sign', 'never'], {
          stdio: 'ignore',
        });
      }
    });
    afterEach(() => {
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: gnupgHome } });
      if (previous === undefined) delete process.env.GNUPGHOME;
      else process.env.GNUPGHOME = previous;
    });

    it("signs with user.signingkey and verifies against the keyring; a key without the reviewer's e-mail does not count", () => {
      team.reviewer.git('config', 'user.signingkey', BOB.email);
      let run = cli(team.reviewer, 'review', 'sign-off');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /signed \(openpgp\)/);
      assert.equal(needsSignOff(team).code, 0);

      team.reviewer.git('notes', '--ref', SIGNOFFS_REF, 'remove', 'HEAD');
      team.reviewer.git('config', 'user.signingkey', 'mallory@example.com');
      run = cli(team.reviewer, 'review', 'sign-off');
      assert.equal(run.code, 0, run.stderr);
      const { code, finding } = needsSignOff(team);
      assert.equal(code, 1);
      assert.match(finding!.message, /its OpenPGP key [0-9A-F]{16} has no user id for bob@example\.com/);
    });
  });
});
