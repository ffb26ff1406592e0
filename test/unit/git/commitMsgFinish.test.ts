import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitMsgFinishShell, finishedByShell, messageFinishOf } from '../../../src/core/provenance/hooks/finishShortcut';
import { storeVersion, writeHandoff } from '../../../src/core/provenance/hooks/handoff';
import { runCommitMsg } from '../../../src/core/provenance/hooks/messageHooks';
import { withPreview } from '../../../src/core/provenance/preview';
import type { Trailer } from '../../../src/core/provenance/trailers';
import { STORE_FILE_NAME } from '../../../src/core/store/storeFile';
import { useTempDir } from '../../support/tempDir';

/**
 * The commit-msg script finishes an editor-flow message without node
 * (src/core/provenance/hooks/finishShortcut.ts). Differential: the script's
 * own shell text, run by sh and awk, against what commit-msg's node code
 * writes for the same message and hand-off, over messages that take the
 * shortcut and messages that must not.
 */
describe('commit-msg without node: the script finishes an editor-flow message as node would', () => {
  const tempDir = useTempDir();
  const trailers: Trailer[] = [
    { key: 'AI-Lines', value: '3/4' },
    { key: 'AI-Sources', value: 'agent' },
  ];
  // What git writes for a plain `git commit` (the status as comments), with the preview prepare-commit-msg adds.
  const gitMessage = "\n# Please enter the commit message for your changes. Lines starting\n# with '#' will be ignored.\n#\n# On branch main\n";
  const written = withPreview(gitMessage, trailers, '#');

  function setUp(): { storeDir: string; messageFile: string } {
    const root = tempDir();
    const storeDir = join(root, 'store');
    mkdirSync(storeDir, { recursive: true });
    writeFileSync(join(storeDir, STORE_FILE_NAME), '{}');
    const finish = messageFinishOf(written, trailers, '#');
    assert.ok(finish, 'the usual editor-flow message takes the shortcut');
    // This process is the shell's parent: its pid plays git's.
    writeHandoff(storeDir, {
      gitPid: String(process.pid),
      trailers,
      previewed: true,
      commentChar: '#',
      message: written,
      note: '{}',
      tree: 'a'.repeat(40),
      parents: [],
      storeVersion: storeVersion(storeDir),
      finish,
    });
    return { storeDir, messageFile: join(root, 'COMMIT_EDITMSG') };
  }

  function byScript(storeDir: string, messageFile: string, text: string): { finished: boolean; message: string } {
    writeFileSync(messageFile, text);
    const script = [
      `aip_store=${JSON.stringify(storeDir)}`,
      ...commitMsgFinishShell('handoff', STORE_FILE_NAME),
      'aip_finish_from_handoff "$1"',
    ].join('\n');
    const run = spawnSync('sh', ['-c', script, 'commit-msg', messageFile], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    return { finished: run.status === 0, message: readFileSync(messageFile, 'utf8') };
  }

  async function byNode(storeDir: string, messageFile: string, text: string): Promise<string> {
    writeFileSync(messageFile, text);
    await runCommitMsg(tempDir(), messageFile, { AIP_STORE_DIR: storeDir, AIP_GIT_PID: String(process.pid) });
    return readFileSync(messageFile, 'utf8');
  }

  const taken = [
    'Subject',
    'Subject\n',
    'Subject\n\n',
    'Subject\n\nA body line.\nAnother one.',
    'Subject\n\nA body line.\n\n \t\n',
    '  indented subject',
    'Héllo wörld, ça va',
    'Subject\n\nüber 日本語 text',
  ];
  const leftToNode = [
    'Fix: a colon',
    'Subject\n\nSigned-off-by: Ann <ann@example.com>',
    'Subject\n# a comment the user typed',
    'Subject\r\n',
    '日本語',
    'Subject\n\n\u00a0',
    '(cherry picked from commit 0123abc)',
    '\n\n',
    ' \t',
  ];

  it('writes what node writes for text typed above the message', async () => {
    const { storeDir, messageFile } = setUp();
    for (const typed of taken) {
      const expected = await byNode(storeDir, messageFile, typed + written);
      const script = byScript(storeDir, messageFile, typed + written);
      assert.ok(script.finished, `taken: ${JSON.stringify(typed)}`);
      assert.equal(script.message, expected, JSON.stringify(typed));
      assert.equal(finishedByShell(typed, messageFinishOf(written, trailers, '#')!), expected, `the rule, for ${JSON.stringify(typed)}`);
    }
  });

  it('leaves to node, untouched, what it cannot be sure of', () => {
    const { storeDir, messageFile } = setUp();
    for (const typed of leftToNode) {
      const script = byScript(storeDir, messageFile, typed + written);
      assert.deepEqual(script, { finished: false, message: typed + written }, JSON.stringify(typed));
      assert.equal(finishedByShell(typed, messageFinishOf(written, trailers, '#')!), undefined, JSON.stringify(typed));
    }
    // A message the editor changed below the typed text, an untouched one, and a store written since.
    const edited = `Subject${written.replace('On branch', 'On the branch')}`;
    assert.deepEqual(byScript(storeDir, messageFile, edited), { finished: false, message: edited });
    assert.deepEqual(byScript(storeDir, messageFile, written), { finished: false, message: written });
    const later = new Date(Date.now() + 5000);
    writeFileSync(join(storeDir, STORE_FILE_NAME), '{"changed":true}');
    spawnSync('touch', ['-d', later.toISOString(), join(storeDir, STORE_FILE_NAME)]);
    assert.deepEqual(byScript(storeDir, messageFile, `Subject${written}`), { finished: false, message: `Subject${written}` });
  });

  it('finishes a message holding a NUL byte as node does, or leaves it to node (as the awk at hand reads it)', async () => {
    const { storeDir, messageFile } = setUp();
    const text = `Sub\0ject${written}`;
    const expected = await byNode(storeDir, messageFile, text);
    const script = byScript(storeDir, messageFile, text);
    assert.ok(script.finished ? script.message === expected : script.message === text);
  });

  it('hands nothing to the script for messages outside its rule', () => {
    assert.equal(messageFinishOf(written, [], '#'), undefined, 'no trailers');
    assert.equal(messageFinishOf(withPreview(gitMessage, trailers, ';'), trailers, 'auto'), undefined, 'core.commentChar auto');
    assert.equal(messageFinishOf(withPreview(`A template line\n${gitMessage}`, trailers, '#'), trailers, '#'), undefined, 'text from a template');
    const verbose = `${gitMessage}# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n`;
    assert.equal(messageFinishOf(withPreview(verbose, trailers, '#'), trailers, '#'), undefined, 'git commit -v: the diff below the scissors');
    assert.ok(messageFinishOf(withPreview(gitMessage.replace(/#/g, ';'), trailers, ';'), trailers, ';'), 'another comment character');
  });
});
