import type { WrittenChange } from './writtenText';

/** One file of a patch in the apply_patch format (Codex, Copilot, opencode). */
export interface PatchedFile {
  /** The path the patch names (after a move, the new one). */
  readonly path: string;
  readonly changes: readonly WrittenChange[];
}

/**
 * Parses the apply_patch envelope (`*** Begin Patch` ... `*** End Patch`)
 * that OpenAI's models write: `*** Add File:` with `+` lines,
 * `*** Update File:` (optionally `*** Move to:`) with `@@` hunks of ` `,
 * `-` and `+` lines, `*** Delete File:`. Each hunk becomes a search/replace
 * edit (its context and removed lines replaced by its context and added
 * lines); deleted files are left out.
 */
export function parseApplyPatch(patch: string): PatchedFile[] {
  const files: PatchedFile[] = [];
  let current: { path: string; added?: string[]; hunks: Array<{ old: string[]; new: string[] }> } | undefined;
  const finish = () => {
    if (!current) return;
    const changes: WrittenChange[] = current.added
      ? [{ kind: 'write', content: current.added.join('\n') }]
      : current.hunks.filter((hunk) => hunk.new.length > 0).map((hunk) => ({ kind: 'edit', old: hunk.old.join('\n'), new: hunk.new.join('\n') }));
    if (changes.length > 0) files.push({ path: current.path, changes });
    current = undefined;
  };
  for (const line of patch.split(/\r?\n/)) {
    const header = /^\*\*\* (Add File|Update File|Delete File|Move to): (.+)$/.exec(line);
    if (header) {
      const [, kind, path] = header;
      if (kind === 'Move to') {
        if (current) current.path = path.trim();
        continue;
      }
      finish();
      if (kind === 'Add File') current = { path: path.trim(), added: [], hunks: [] };
      if (kind === 'Update File') current = { path: path.trim(), hunks: [] };
      continue;
    }
    if (!current || line.startsWith('*** ')) continue;
    if (current.added) {
      if (line.startsWith('+')) current.added.push(line.slice(1));
      continue;
    }
    if (line.startsWith('@@')) {
      current.hunks.push({ old: [], new: [] });
      continue;
    }
    if (current.hunks.length === 0) current.hunks.push({ old: [], new: [] });
    const hunk = current.hunks[current.hunks.length - 1];
    const body = line.slice(1);
    if (line.startsWith('+')) hunk.new.push(body);
    else if (line.startsWith('-')) hunk.old.push(body);
    else if (line.startsWith(' ') || line === '') {
      hunk.old.push(body);
      hunk.new.push(body);
    }
  }
  finish();
  return files;
}

/**
 * Cline's replace_in_file `diff`: SEARCH/REPLACE blocks, written
 * `------- SEARCH` / `=======` / `+++++++ REPLACE` (older versions:
 * `<<<<<<< SEARCH` / `=======` / `>>>>>>> REPLACE`).
 */
export function parseSearchReplaceBlocks(diff: string): WrittenChange[] {
  const changes: WrittenChange[] = [];
  let state: 'outside' | 'search' | 'replace' = 'outside';
  let search: string[] = [];
  let replace: string[] = [];
  for (const line of diff.split(/\r?\n/)) {
    if (/^(-{3,}|<{3,}) ?SEARCH\s*$/.test(line)) {
      state = 'search';
      search = [];
      replace = [];
    } else if (state === 'search' && /^={3,}\s*$/.test(line)) {
      state = 'replace';
    } else if (state === 'replace' && /^(\+{3,}|>{3,}) ?REPLACE\s*$/.test(line)) {
      changes.push({ kind: 'edit', old: search.join('\n'), new: replace.join('\n') });
      state = 'outside';
    } else if (state === 'search') {
      search.push(line);
    } else if (state === 'replace') {
      replace.push(line);
    }
  }
  return changes;
}
