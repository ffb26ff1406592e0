import { fstatSync, read } from 'node:fs';

/**
 * All of stdin, read from file descriptor 0 directly: process.stdin would
 * load node's stream modules first (about 5 ms on every commit, for the one
 * read of the diff the hook script pipes in). `onFirstBytes` runs once bytes
 * arrived (not at all for an empty stdin, as with process.stdin). A
 * descriptor that cannot be read so (EAGAIN: a non-blocking pipe) is read on
 * through process.stdin.
 */
export function readStdinDirectly(onFirstBytes?: () => void): Promise<string> {
  // A terminal (as process.stdin.isTTY), or /dev/null: nothing to read. (node:tty's isatty would load the stream modules too.)
  if (isCharacterDevice(0)) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    let buffer = Buffer.allocUnsafe(1 << 20);
    let length = 0;
    const next = (): void =>
      read(0, buffer, length, buffer.length - length, null, (error, bytesRead) => {
        if (error?.code === 'EAGAIN') {
          restFromStream(length === 0 ? onFirstBytes : undefined).then(
            (rest) => resolve(Buffer.concat([buffer.subarray(0, length), rest]).toString('utf8')),
            reject,
          );
          return;
        }
        // An EOF error is the input's end too (how a pipe's end may be reported off Linux).
        if (error && error.code !== 'EOF') return reject(error);
        if (error || bytesRead === 0) return resolve(buffer.toString('utf8', 0, length));
        if (length === 0) onFirstBytes?.();
        length += bytesRead;
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        next();
      });
    next();
  });
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

async function restFromStream(onFirstBytes: (() => void) | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    if (chunks.length === 0) onFirstBytes?.();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
