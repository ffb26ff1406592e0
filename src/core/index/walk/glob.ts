/**
 * Glob to RegExp for repo-relative '/' paths: `**` spans directories, `*` and
 * `?` stay within one segment, `[...]` and `{a,b}` work as in shells.
 */
export function globToRegExpSource(glob: string): string {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 >= glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more directories; a trailing `**` matches everything below.
          if (i + 2 < glob.length) {
            source += '(?:.*/)?';
            i += 2;
          } else {
            source += '.*';
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body}]`;
        i = close;
      }
    } else if (char === '{') {
      const close = glob.indexOf('}', i + 1);
      if (close < 0) {
        source += '\\{';
      } else {
        source += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map(globToRegExpSource)
          .join('|')})`;
        i = close;
      }
    } else if (char === '\\' && i + 1 < glob.length) {
      source += escapeChar(glob[++i]!);
    } else {
      source += escapeChar(char);
    }
  }
  return source;
}

function escapeChar(char: string): string {
  return /[.+^${}()|[\]\\/*?]/.test(char) ? `\\${char}` : char;
}

/**
 * A matcher for a list of globs. A glob without '/' matches a file or
 * directory name at any depth (like .gitignore); one with '/' matches from the
 * repository root. Matching a directory excludes everything below it.
 */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const sources = globs.map((glob) => {
    const trimmed = glob.replace(/^\.\//, '').replace(/\/$/, '');
    const anchored = trimmed.includes('/') ? `^${globToRegExpSource(trimmed.replace(/^\//, ''))}` : `(?:^|/)${globToRegExpSource(trimmed)}`;
    return `${anchored}(?:/|$)`;
  });
  const pattern = new RegExp(sources.join('|'));
  return (path) => pattern.test(path);
}
