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

export function isBlank(text: string): boolean {
  return text.trim() === '';
}
