// The Insights page's script (bundled to dist/insightsPage.js): draws the
// charts from the JSON in the page, in the editor's view and in a
// standalone report alike. The tables are already in the HTML.
import type { Insights } from '../../core/insights/types';
import { chartSpecs, draw } from './charts';
import { canOpenFiles, openFile } from './host';
import { currentTheme } from './theme';

function readInsights(): Insights {
  return JSON.parse(document.getElementById('insights-data')!.textContent ?? '{}') as Insights;
}

function drawAll(insights: Insights) {
  const open = canOpenFiles() ? openFile : undefined;
  const charts = [];
  for (const spec of chartSpecs(insights, currentTheme(), open)) {
    const container = document.getElementById(`${spec.id}-chart`);
    if (container) charts.push(draw(container, spec));
  }
  document.body.dataset.chartsDrawn = String(charts.length);
  return charts;
}

function wireTableToggle(): void {
  const toggle = document.getElementById('toggle-tables');
  toggle?.addEventListener('click', () => {
    const shown = document.body.classList.toggle('show-tables');
    toggle.setAttribute('aria-pressed', String(shown));
    toggle.textContent = shown ? 'Hide data tables' : 'Show data tables';
  });
}

function wireFileLinks(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a.open-file');
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    openFile(link.dataset.path ?? '');
  });
}

function main(): void {
  const insights = readInsights();
  let charts = drawAll(insights);
  wireTableToggle();
  wireFileLinks();
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  // The editor switches themes by changing the body's classes: redraw in the new colours.
  const themeOf = () => [...document.body.classList].filter((name) => name.startsWith('vscode-')).join(' ');
  let theme = themeOf();
  new MutationObserver(() => {
    if (themeOf() === theme) return;
    theme = themeOf();
    charts.forEach((chart) => chart.dispose());
    charts = drawAll(insights);
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

main();
