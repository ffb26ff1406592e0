import { escapeHtml, jsonForScript } from '../htmlEscape';
import type { Insights } from '../types';
import { insightsSections } from './sections';
import { INSIGHTS_STYLES } from './styles';

export interface DocumentOptions {
  readonly title: string;
  /** A fresh random value per page: only scripts carrying it run. */
  readonly nonce: string;
  /** The page script inline (a standalone report) or by URL (a webview's resource). */
  readonly script: { readonly inline: string } | { readonly src: string };
  /** Sources a webview loads its script from (webview.cspSource); none for a standalone file. */
  readonly cspSource?: string;
  readonly fileLinks: boolean;
}

/**
 * The whole Insights page: a strict content security policy (nothing from
 * the network, only our nonce'd script), the tables, the data for the charts
 * as JSON, and the page script that draws them.
 */
export function insightsDocument(insights: Insights, options: DocumentOptions): string {
  const scriptSources = [`'nonce-${options.nonce}'`, ...(options.cspSource ? [options.cspSource] : [])].join(' ');
  const csp = `default-src 'none'; script-src ${scriptSources}; style-src 'unsafe-inline'; img-src data:; font-src ${options.cspSource ?? "'none'"}`;
  const script =
    'inline' in options.script
      ? `<script nonce="${options.nonce}">${options.script.inline.replace(/<\/script/gi, '<\\/script')}</script>`
      : `<script nonce="${options.nonce}" src="${escapeHtml(options.script.src)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${INSIGHTS_STYLES}</style>
</head>
<body>
<header>
<h1>${escapeHtml(options.title)}</h1>
<p class="generated">Generated ${escapeHtml(insights.generatedAt.slice(0, 16).replace('T', ' '))} UTC by AI Provenance. <button type="button" id="toggle-tables" aria-pressed="false">Show data tables</button></p>
</header>
<main>
${insightsSections(insights, { fileLinks: options.fileLinks })}
</main>
<script type="application/json" id="insights-data">${jsonForScript(insights)}</script>
${script}
</body>
</html>
`;
}
