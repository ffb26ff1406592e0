/** Colours for the charts: the editor theme's chart colours in the editor, a colour-blind-safe palette (Okabe-Ito) elsewhere. */
export interface ChartTheme {
  readonly foreground: string;
  readonly muted: string;
  readonly lines: string;
  readonly background: string;
  readonly fontFamily: string;
  readonly palette: readonly string[];
  /** Unreviewed, reviewed before commit, signed off. */
  readonly review: readonly [string, string, string];
}

const FALLBACK_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442', '#999999'];

function cssVariable(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

export function currentTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const editor = (name: string, fallback: string) => cssVariable(`--vscode-${name}`) || fallback;
  const palette = ['charts-blue', 'charts-orange', 'charts-green', 'charts-yellow', 'charts-purple', 'charts-red']
    .map((name) => cssVariable(`--vscode-${name}`))
    .filter(Boolean);
  const colors = palette.length >= 4 ? [...palette, ...FALLBACK_PALETTE.slice(palette.length)] : FALLBACK_PALETTE;
  return {
    foreground: editor('charts-foreground', style.color),
    muted: editor('descriptionForeground', style.color),
    lines: editor('charts-lines', 'rgba(128, 128, 128, 0.35)'),
    background: style.backgroundColor,
    fontFamily: style.fontFamily,
    palette: colors,
    review: [editor('charts-red', '#D55E00'), editor('charts-blue', '#0072B2'), editor('charts-green', '#009E73')],
  };
}
