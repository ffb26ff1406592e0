import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function readMessageFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Replaces the message file whole (temp file + rename): a failure never leaves half a message. */
export function writeMessageFile(path: string, text: string): void {
  const temporary = `${path}.ai-provenance-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
