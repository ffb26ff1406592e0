import { applyTrailers } from '../applyTrailers';
import { withoutPreview } from '../preview';
import type { Trailer } from '../trailers';

/**
 * commit-msg without node, for the editor flow's usual case. prepare-commit-
 * msg left git's message with the trailers previewed as comments; the user
 * typed a message above it and left the rest alone. Then what commit-msg
 * writes (applyTrailers on the message without the preview) is, line for
 * line: the user's lines up to the last one with text, a blank line, the
 * trailers, the user's trailing blank lines, and the rest of git's message
 * without the preview. prepare-commit-msg hands off the two fixed parts
 * (`<pid>.finish`: the comment string, then the trailer lines; `<pid>.rest`),
 * and the commit-msg script puts them around the user's text with awk.
 *
 * Only when that holds for any text the shell accepts: git's message starts
 * with an empty line (the user's text ends there) and holds only blank and
 * comment lines besides the preview; the comment string is set (not `auto`);
 * and the user's text has no comment line, no colon (so no trailer-like line),
 * no carriage return, no line git generates among trailers, and only lines
 * that are blank (spaces and tabs) or have a printable ASCII character, so
 * awk and JavaScript agree on which lines are blank. Anything else, and
 * commit-msg starts node as before.
 */

export interface MessageFinish {
  /** The comment string, then one line per trailer. */
  readonly finish: string;
  /** git's message after its first (empty) line, without the preview. */
  readonly rest: string;
}

/** The fixed parts for the commit-msg script, or undefined when the shortcut does not apply to this message. */
export function messageFinishOf(message: string, trailers: readonly Trailer[], commentChar: string): MessageFinish | undefined {
  if (trailers.length === 0 || commentChar === '' || commentChar.includes('\n') || commentChar.toLowerCase() === 'auto') return undefined;
  if (message.includes('\r') || !message.startsWith('\n') || !message.endsWith('\n')) return undefined;
  const { message: withoutIt, hadPreview } = withoutPreview(message, commentChar);
  if (!hadPreview || !withoutIt.startsWith('\n') || !withoutIt.endsWith('\n')) return undefined;
  const rest = withoutIt.slice(1);
  const restLines = rest === '' ? [] : rest.slice(0, -1).split('\n');
  if (!restLines.every((line) => line.trim() === '' || line.startsWith(commentChar))) return undefined;
  const lines = trailers.map((trailer) => `${trailer.key}: ${trailer.value}`);
  if (lines.some((line) => line.includes('\n'))) return undefined;
  const finish = { finish: `${[commentChar, ...lines].join('\n')}\n`, rest };
  // The rule above, checked against commit-msg's own code on this very message.
  for (const typed of ['Subject', 'Subject\n', 'Subject\n\nBody\n \n\t']) {
    if (finishedByShell(typed, finish) !== applyTrailers(withoutPreview(typed + message, commentChar).message, trailers, { commentChar }))
      return undefined;
  }
  return finish;
}

/** What the script writes for the message `typed` + the one prepare-commit-msg wrote, or undefined when it leaves it to node (the rule of messageFinishOf). */
export function finishedByShell(typed: string, { finish, rest }: MessageFinish): string | undefined {
  const [commentChar = '', ...trailerLines] = finish.slice(0, -1).split('\n');
  // awk's records: the typed text, ended by the empty line git's message starts with.
  const lines = typed.split('\n');
  let last = -1;
  for (const [index, line] of lines.entries()) {
    if (/[\r:]/.test(line) || line.startsWith(commentChar) || line.startsWith('(cherry picked')) return undefined;
    if (/^[ \t]*$/.test(line)) continue;
    if (!/[!-~]/.test(line)) return undefined;
    last = index;
  }
  if (last < 0) return undefined;
  return [...lines.slice(0, last + 1), '', ...trailerLines, ...lines.slice(last + 1)].map((line) => `${line}\n`).join('') + rest;
}

/**
 * The commit-msg script's shell function, before it starts node: when the
 * message is the one prepare-commit-msg of this commit wrote with text typed
 * above it, writes the finished message (the rule of messageFinishOf) and
 * succeeds. `$aip_store` is the store directory, `$PPID` git, `$1` the
 * message file.
 */
export function commitMsgFinishShell(handoffDirectory: string, storeFile: string): string[] {
  const handoff = `"$aip_store/${handoffDirectory}/$PPID`;
  return [
    'aip_finish_from_handoff() {',
    `  [ -f ${handoff}.commit" ] && [ -r ${handoff}.finish" ] && [ -r ${handoff}.rest" ] && [ -r ${handoff}.message" ] && [ ! "$aip_store/${storeFile}" -nt ${handoff}.commit" ] || return 1`,
    '  aip_total=$(wc -c < "$1") && aip_written=$(wc -c < ' + `${handoff}.message"` + ') || return 1',
    '  aip_typed=$((aip_total - aip_written))',
    '  [ "$aip_typed" -gt 0 ] || return 1',
    `  tail -c "$aip_written" "$1" | cmp -s - ${handoff}.message" || return 1`,
    // awk checks the typed text (the rule of messageFinishOf; all of it read: the byte count must match), then writes.
    `  { head -c "$aip_typed" "$1"; echo; } | LC_ALL=C awk -v bytes="$((aip_typed + 1))" -v finish=${handoff}.finish" -v rest=${handoff}.rest" '`,
    '    BEGIN { if ((getline cc < finish) <= 0 || cc == "") bad = 1 }',
    '    { seen += length($0) + 1; line[NR] = $0',
    '      if (index($0, "\\r") || index($0, ":") || index($0, cc) == 1 || index($0, "(cherry picked") == 1) bad = 1',
    '      else if ($0 !~ /^[ \\t]*$/) { if ($0 ~ /[!-~]/) last = NR; else bad = 1 } }',
    '    END { if (bad || last == 0 || seen != bytes) exit 1',
    '      for (i = 1; i <= last; i++) print line[i]; print ""',
    '      while ((getline t < finish) > 0) print t',
    '      for (i = last + 1; i <= NR; i++) print line[i]',
    '      while ((getline r < rest) > 0) print r }',
    `  ' > "$1.aip-$$" && mv -f "$1.aip-$$" "$1" && return 0`,
    '  rm -f "$1.aip-$$"; return 1',
    '}',
  ];
}
