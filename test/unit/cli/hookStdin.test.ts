import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hooks read the diff the script pipes in from file descriptor 0
 * directly (src/cli/hook/stdin.ts). Through a real pipe into a real node:
 * every byte, in order, past the first buffer's size, with multi-byte
 * characters wherever the reads split them; the first bytes announced once.
 */
describe('hook stdin read from the descriptor', () => {
  const module = join(__dirname, '..', '..', '..', 'src', 'cli', 'hook', 'stdin.js');
  const reader = `
    const { readStdinDirectly } = require(${JSON.stringify(module)});
    let announced = 0;
    readStdinDirectly(() => announced++).then((text) => require('fs').writeSync(1, JSON.stringify({ announced, text })));
  `;

  function readThroughPipe(input: string | Buffer): { announced: number; text: string } {
    const result = spawnSync(process.execPath, ['-e', reader], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { announced: number; text: string };
  }

  it('reads a 3 MB diff with multi-byte characters whole', () => {
    const line = '+const café = "naïve 日本語 😀";\n';
    const text = line.repeat(Math.ceil((3 << 20) / Buffer.byteLength(line)));
    const read = readThroughPipe(text);
    assert.equal(read.text.length, text.length);
    assert.ok(read.text === text, 'the same text');
    assert.equal(read.announced, 1);
  });

  it('gives an empty text, announced never, for an empty stdin and for /dev/null', () => {
    assert.deepEqual(readThroughPipe(''), { announced: 0, text: '' });
    const fromNull = spawnSync(process.execPath, ['-e', reader], { stdio: [openSync('/dev/null', 'r'), 'pipe', 'pipe'], encoding: 'utf8' });
    assert.deepEqual(JSON.parse(fromNull.stdout), { announced: 0, text: '' });
  });

  it('loads none of the stream modules of node (what reading from the descriptor is for)', () => {
    const check = `${reader}; process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((name) => /^NativeModule (stream|net|tty)$/.test(name)))));`;
    const result = spawnSync(process.execPath, ['-e', check], { input: 'diff --git a/x b/x\n', encoding: 'utf8' });
    assert.equal(result.stderr, '[]');
  });
});
