/** Markdown for hovers and tooltips (VS Code's MarkdownString dialect). */

/**
 * Inline text shown as is: paths like `src/__init__.py` must not turn bold,
 * `$(` must not become an icon. (Only characters that mean something inside
 * a line; the text never starts a line.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>$|~]/g, '\\$&');
}

/**
 * A `command:` link target. The arguments are JSON, URI-encoded; parentheses
 * too, or they would end the Markdown link early.
 */
export function commandLink(command: string, ...args: unknown[]): string {
  const query = args.length === 0 ? '' : `?${encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
  return `command:${command}${query}`;
}

export function link(text: string, target: string, title?: string): string {
  return `[${text}](${target}${title ? ` "${title.replace(/"/g, "'")}"` : ''})`;
}
