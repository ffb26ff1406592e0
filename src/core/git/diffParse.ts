import { unquoteGitPath } from './quotedPath';

/** One `@@ -a,b +c,d @@` header: 1-based starts, counts may be 0. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
}

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

export interface FileDiff {
  /** Path before the change; undefined for an added file. */
  readonly oldPath: string | undefined;
  /** Path after the change; undefined for a deleted file. */
  readonly newPath: string | undefined;
  readonly status: FileStatus;
  readonly binary: boolean;
  /** Full object ids (the diff must be run with --full-index). */
  readonly oldBlob: string | undefined;
  readonly newBlob: string | undefined;
  readonly hunks: readonly Hunk[];
  /**
   * 1-based new-side numbers of the added lines that are not blank: blank
   * lines are never AI lines, so they count on neither side of AI-Lines.
   */
  readonly addedLines: readonly number[];
  /** Where the added lines' text sits in the diff, when parseDiff was asked to keep it (see addedLineText). */
  readonly addedText?: AddedText;
}

/** The diff's text, and per hunk the offset of its first `+` line (-1: it adds none). */
export interface AddedText {
  readonly diff: string;
  readonly hunkStarts: readonly number[];
}

export interface ParseOptions {
  /** Keep the added lines' text reachable (addedLineText): the commit hook reads AI lines from the diff instead of the files. */
  readonly keepAddedText?: boolean;
}

export function pathOf(file: FileDiff): string {
  return (file.newPath ?? file.oldPath)!;
}

const NULL_OBJECT = /^0+$/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

interface Draft {
  oldPath: string | undefined;
  newPath: string | undefined;
  status: FileStatus;
  binary: boolean;
  oldBlob: string | undefined;
  newBlob: string | undefined;
  hunks: Hunk[];
  addedLines: number[];
  /** Next new-side line number inside the current hunk. */
  nextNew: number;
  /** Per hunk, the offset of its first `+` line (with keepAddedText). */
  hunkStarts: number[] | undefined;
}

/**
 * Parses `git diff -U0 --full-index -M --src-prefix=a/ --dst-prefix=b/`
 * output. Only hunk headers and `+` lines are needed: with -U0 a hunk's `+`
 * lines are exactly new-side lines newStart..newStart+newCount-1.
 */
export function parseDiff(text: string, options: ParseOptions = {}): FileDiff[] {
  const files: FileDiff[] = [];
  const keepText = options.keepAddedText === true;
  let draft: Draft | undefined;
  const finish = () => {
    if (draft) files.push(freeze(draft, keepText ? text : undefined));
    draft = undefined;
  };
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Inside a hunk, its `+` and `-` lines (nearly all of a large diff) are read in place, without making strings of them.
    if (draft && draft.nextNew > 0) {
      const first = text.charCodeAt(start);
      if (first === PLUS) {
        const hunkStarts = draft.hunkStarts;
        if (hunkStarts && hunkStarts[hunkStarts.length - 1] === -1) hunkStarts[hunkStarts.length - 1] = start;
        if (!isBlank(text, start + 1, end)) draft.addedLines.push(draft.nextNew);
        draft.nextNew++;
        start = end + 1;
        continue;
      }
      if (first === MINUS || first === BACKSLASH) {
        start = end + 1;
        continue;
      }
    }
    const line = text.slice(start, end);
    start = end + 1;
    if (line.startsWith('diff --git ')) {
      finish();
      const guessed = pathFromDiffLine(line.slice('diff --git '.length));
      draft = {
        oldPath: guessed,
        newPath: guessed,
        status: 'modified',
        binary: false,
        oldBlob: undefined,
        newBlob: undefined,
        hunks: [],
        addedLines: [],
        nextNew: 0,
        hunkStarts: keepText ? [] : undefined,
      };
      continue;
    }
    if (!draft) continue;
    if (draft.nextNew > 0 || line.startsWith('@@')) {
      const hunk = HUNK.exec(line);
      if (hunk) {
        const parsed = {
          oldStart: Number(hunk[1]),
          oldCount: hunk[2] === undefined ? 1 : Number(hunk[2]),
          newStart: Number(hunk[3]),
          newCount: hunk[4] === undefined ? 1 : Number(hunk[4]),
        };
        draft.hunks.push(parsed);
        draft.hunkStarts?.push(-1);
        draft.nextNew = Math.max(parsed.newStart, 1);
        continue;
      }
      draft.nextNew = 0; // the hunks are over; an extended header line follows
    }
    parseHeaderLine(draft, line);
  }
  finish();
  return files;
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;

/** Whether text[start, end) is what String.prototype.trim() removes entirely (white space and line terminators). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
    if (code < 0xa0 || !TRIMMED.test(text[i]!)) return false;
  }
  return true;
}

const TRIMMED = /^\s$/;

function parseHeaderLine(draft: Draft, line: string): void {
  if (line.startsWith('new file mode')) {
    draft.status = 'added';
    draft.oldPath = undefined;
  } else if (line.startsWith('deleted file mode')) {
    draft.status = 'deleted';
    draft.newPath = undefined;
  } else if (line.startsWith('rename from ')) {
    draft.status = 'renamed';
    draft.oldPath = unquoteGitPath(line.slice('rename from '.length));
  } else if (line.startsWith('rename to ')) {
    draft.newPath = unquoteGitPath(line.slice('rename to '.length));
  } else if (line.startsWith('copy from ')) {
    draft.status = 'copied';
    draft.oldPath = unquoteGitPath(line.slice('copy from '.length));
  } else if (line.startsWith('copy to ')) {
    draft.newPath = unquoteGitPath(line.slice('copy to '.length));
  } else if (line.startsWith('index ')) {
    const [from, to] = line.slice('index '.length).split(' ')[0].split('..');
    draft.oldBlob = from && !NULL_OBJECT.test(from) ? from : undefined;
    draft.newBlob = to && !NULL_OBJECT.test(to) ? to : undefined;
  } else if (line.startsWith('--- ')) {
    const path = headerPath(line.slice(4), 'a/');
    if (path !== undefined) draft.oldPath = path;
  } else if (line.startsWith('+++ ')) {
    const path = headerPath(line.slice(4), 'b/');
    if (path !== undefined) draft.newPath = path;
  } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
    draft.binary = true;
  }
}

/** The path of a `---`/`+++` line; git appends a TAB when the name has a space. */
function headerPath(text: string, prefix: string): string | undefined {
  const name = unquoteGitPath(text.endsWith('\t') ? text.slice(0, -1) : text);
  if (name === '/dev/null') return undefined;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/**
 * `a/P b/P` from the `diff --git` line: ambiguous with spaces in general, but
 * exact when both sides are the same path, which is the only case (binary,
 * mode-only and empty files) where no later header names the file.
 */
function pathFromDiffLine(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    let end = 1;
    while (end < rest.length && rest[end] !== '"') end += rest[end] === '\\' ? 2 : 1;
    return end < rest.length ? headerPath(rest.slice(0, end + 1), 'a/') : undefined;
  }
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half)) return undefined;
  const left = rest.slice(0, half);
  const right = rest.slice(half + 1);
  return left.startsWith('a/') && right === `b/${left.slice(2)}` ? left.slice(2) : undefined;
}

/**
 * The text of new-side lines first..first+count-1 (1-based) when the diff
 * adds every one of them, exactly as the new version of the file holds
 * them; undefined when it does not, the diff was parsed without
 * keepAddedText, or a line holds a CR (which splitLines would take for a
 * line break).
 */
export function addedLineTexts(file: FileDiff, first: number, count: number): string[] | undefined {
  const kept = file.addedText;
  if (!kept) return undefined;
  const texts: string[] = [];
  let line = first;
  for (let index = 0; index < file.hunks.length && texts.length < count; index++) {
    const hunk = file.hunks[index]!;
    const hunkEnd = hunk.newStart + hunk.newCount;
    if (line < hunk.newStart || line >= hunkEnd) continue;
    // With -U0 a hunk's `+` lines follow one another: line newStart + k is the k-th after the first.
    let start = kept.hunkStarts[index] ?? -1;
    for (let skip = line - hunk.newStart; skip > 0 && start >= 0; skip--) start = nextLine(kept.diff, start);
    for (; line < hunkEnd && texts.length < count; line++) {
      if (start < 0 || kept.diff.charCodeAt(start) !== PLUS) return undefined;
      let end = kept.diff.indexOf('\n', start);
      if (end < 0) end = kept.diff.length;
      const text = kept.diff.slice(start + 1, end);
      if (text.includes('\r')) return undefined;
      texts.push(text);
      start = end < kept.diff.length ? end + 1 : -1;
    }
  }
  return texts.length === count ? texts : undefined;
}

function nextLine(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? -1 : newline + 1;
}

function freeze(draft: Draft, text: string | undefined): FileDiff {
  return {
    oldPath: draft.status === 'added' ? undefined : draft.oldPath,
    newPath: draft.status === 'deleted' ? undefined : draft.newPath,
    status: draft.status,
    binary: draft.binary,
    oldBlob: draft.oldBlob,
    newBlob: draft.newBlob,
    hunks: draft.hunks,
    addedLines: draft.addedLines,
    ...(text !== undefined && draft.hunkStarts ? { addedText: { diff: text, hunkStarts: draft.hunkStarts } } : {}),
  };
}
