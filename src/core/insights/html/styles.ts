/**
 * The page's styles. Colours are the editor theme's variables in the
 * editor's view; a standalone report falls back to its own light and dark
 * palettes (prefers-color-scheme).
 */
export const INSIGHTS_STYLES = `
:root { --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --border: #d1d9e0; --accent: #6f42c1; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --border: #3d444d; --accent: #a371f7; } }
body { margin: 0; padding: 16px 24px 48px; max-width: 1100px; color: var(--vscode-foreground, var(--fg)); background: var(--vscode-editor-background, var(--bg));
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: var(--vscode-font-size, 14px); line-height: 1.45; }
h1 { font-size: 1.5em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 28px 0 4px; }
.generated, .description, .empty { color: var(--vscode-descriptionForeground, var(--muted)); margin: 4px 0 8px; }
button { font: inherit; color: var(--vscode-button-secondaryForeground, var(--fg)); background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-contrastBorder, var(--border)); border-radius: 3px; padding: 1px 8px; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--vscode-focusBorder, var(--accent)); outline-offset: 1px; }
a { color: var(--vscode-textLink-foreground, var(--accent)); }
.summary { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 12px 0; }
.summary dt { color: var(--vscode-descriptionForeground, var(--muted)); font-size: 0.9em; }
.summary dd { margin: 0; font-size: 1.15em; font-weight: 600; }
.chart { width: 100%; }
table.data { border-collapse: collapse; margin: 8px 16px 8px 0; display: inline-table; vertical-align: top; }
table.data caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
table.data th, table.data td { border-bottom: 1px solid var(--vscode-widget-border, var(--border)); padding: 2px 10px 2px 0; text-align: left; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
/* Tables stay readable by screen readers while hidden from sight (except the top files, which are a list to act on). */
body:not(.show-tables) section:not(#top-files) .tables { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
