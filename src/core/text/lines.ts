/** Line helpers shared by tracking, re-anchoring and capture. */

const LINE_BREAK = /\r\n|\r|\n/;

/** Splits text into lines without their line breaks; '' gives ['']. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/**
 * The form in which two versions of a line are compared: whitespace is
 * ignored so that re-indentation by a formatter is not a rewrite.
 */
export function comparableLine(text: string): string {
  return text.replace(/\s+/g, '');
}

/** CRLF and lone CR line breaks as LF: texts that differ only in line endings compare equal. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}
