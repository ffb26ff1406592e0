import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
    readStdinDirectly(() => announced++).then((text) => process.stdout.write(JSON.stringify({ announced, text })));
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

  it('gives an empty text, announced never, for an empty stdin', () => {
    assert.deepEqual(readThroughPipe(''), { announced: 0, text: '' });
  });
});
