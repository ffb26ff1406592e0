import { escapeHtml as e } from '../htmlEscape';
import { NOT_LOAD_BEARING, type Insights, type ReviewTotals } from '../types';

export interface SectionOptions {
  /** File names become buttons that ask the host to open the file (the editor's view). */
  readonly fileLinks: boolean;
}

const count = (value: number) => value.toLocaleString('en-US');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
export const className = (name: string) => (name === NOT_LOAD_BEARING ? 'not load-bearing' : name);

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], id: string, numericFrom = 1): string {
  const header = head.map((cell, index) => `<th scope="col"${index >= numericFrom ? ' class="num"' : ''}>${e(cell)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${cell}</th>` : `<td${index >= numericFrom ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table id="${id}-table" class="data"><caption>${e(caption)}</caption><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A chart's container (drawn by the page script) and the table with its numbers. */
function figure(id: string, title: string, description: string, tables: string, chartHeight: number): string {
  return `<section id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${e(title)}</h2>
<p class="description">${e(description)}</p>
<div class="chart" id="${id}-chart" role="img" aria-label="${e(`${title}: chart; the numbers are in the table below`)}" style="height:${chartHeight}px"></div>
<div class="tables">${tables}</div>
</section>`;
}

function summary(insights: Insights): string {
  const { range } = insights;
  const totals = range.totals;
  const period = range.firstCommitAt ? `${range.firstCommitAt.slice(0, 10)} to ${range.lastCommitAt!.slice(0, 10)}` : 'no commits';
  const facts: [string, string][] = [
    ['Repositories', range.repositories.map(e).join(', ') || '—'],
    ['Commits', `${count(range.commits)} (${count(range.commitsWithAi)} with AI lines)`],
    ['Period', e(period)],
    ['AI share of added lines', `${percent(totals.aiShare)} (${count(totals.aiLines)} of ${count(totals.addedLines)})`],
    ['Unreviewed AI lines', count(totals.unreviewedLines)],
    ['Signed-off AI lines', insights.signOffs.recorded ? count(totals.signedOffLines) : e(insights.signOffs.source)],
  ];
  return `<section id="summary" aria-label="Summary"><dl class="summary">${facts.map(([term, value]) => `<div><dt>${e(term)}</dt><dd>${value}</dd></div>`).join('')}</dl></section>`;
}

function weekly(insights: Insights): string {
  const classes = insights.classes.filter((name) => name !== NOT_LOAD_BEARING);
  const rows = insights.weekly.map((week) => [
    e(week.week),
    count(week.commits),
    count(week.addedLines),
    count(week.aiLines),
    percent(week.aiShare),
    ...classes.map((name) => {
      const value = week.byClass[name];
      return value && value.addedLines > 0 ? percent(value.aiShare) : '—';
    }),
  ]);
  const head = ['Week of', 'Commits', 'Added lines', 'AI lines', 'AI share', ...classes.map((name) => `AI share: ${name}`)];
  return figure(
    'weekly-share',
    'AI share of added lines, weekly',
    'Non-blank lines added per week and the share an AI wrote, overall and in each load-bearing class (a file counts in its highest-severity class).',
    table('AI share of added lines per week', head, rows, 'weekly-share'),
    300,
  );
}

function reviewRow(name: string, totals: ReviewTotals): string[] {
  return [
    e(className(name)),
    count(totals.addedLines),
    count(totals.aiLines),
    percent(totals.aiShare),
    count(totals.reviewedLines),
    count(totals.signedOffLines),
    count(totals.unreviewedLines),
  ];
}

function reviewByClass(insights: Insights): string {
  const rows = insights.classes.map((name) => reviewRow(name, insights.byClass[name]));
  const note = insights.signOffs.recorded ? '' : ` Sign-offs: ${insights.signOffs.source}.`;
  return figure(
    'review-by-class',
    'Unreviewed and signed-off AI lines per class',
    `AI lines by load-bearing class: reviewed in the editor before the commit, signed off after it, or neither (unreviewed).${note}`,
    table(
      'AI lines per class and their review',
      ['Class', 'Added lines', 'AI lines', 'AI share', 'Reviewed before commit', 'Signed off', 'Unreviewed'],
      rows,
      'review-by-class',
    ),
    Math.max(160, 40 + 36 * insights.classes.length),
  );
}

function topFiles(insights: Insights, options: SectionOptions): string {
  const several = insights.range.repositories.length > 1;
  const rows = insights.topFiles.map((file) => {
    const name = several ? `${file.repository}: ${file.path}` : file.path;
    const label =
      options.fileLinks && !several ? `<a href="#" class="open-file" data-path="${e(file.path)}">${e(name)}</a>` : `<code>${e(name)}</code>`;
    const radius = file.blastRadius
      ? `${count(file.blastRadius.files)} files, ${count(file.blastRadius.loadBearing)} load-bearing (${file.blastRadius.source})`
      : 'unknown';
    return [
      label,
      e(file.class ?? className(NOT_LOAD_BEARING)),
      count(file.unreviewedLines),
      e(radius),
      file.blastFactor.toFixed(2),
      file.weight.toFixed(1),
    ];
  });
  return figure(
    'top-files',
    'Files with the most unreviewed AI lines, weighted by blast radius',
    'Unreviewed AI lines x the risk model’s blast factor (1 when no index measured the file’s dependents, at most 3). Top 20.',
    rows.length > 0
      ? table(
          'Top files by unreviewed AI lines weighted by blast radius',
          ['File', 'Class', 'Unreviewed AI lines', 'Blast radius', 'Blast factor', 'Weight'],
          rows,
          'top-files',
          2,
        )
      : '<p class="empty">No unreviewed AI lines in this range.</p>',
    Math.max(120, 30 + 24 * insights.topFiles.length),
  );
}

function origins(insights: Insights): string {
  const part = (key: 'sources' | 'tools' | 'models', title: string) => {
    const entries = Object.entries(insights.tools[key]);
    return entries.length > 0
      ? table(
          `AI lines by ${title.toLowerCase()}`,
          [title, 'AI lines'],
          entries.map(([name, lines]) => [e(name), count(lines)]),
          `origins-${key}`,
        )
      : `<p class="empty" id="origins-${key}-table">No ${title.toLowerCase()} recorded.</p>`;
  };
  return figure(
    'origins',
    'Sources, tools and models',
    'AI lines by how they were captured (source), and by the tool and model when they were known.',
    part('sources', 'Source') + part('tools', 'Tool') + part('models', 'Model'),
    260,
  );
}

function latency(insights: Insights): string {
  const { reviewLatency: latency, signOffs } = insights;
  if (!signOffs.recorded) {
    return `<section id="review-latency" aria-labelledby="review-latency-title"><h2 id="review-latency-title">Review latency</h2><p class="empty">Time from commit to sign-off: ${e(signOffs.source)}.</p></section>`;
  }
  const hours = (value: number | null) => (value === null ? '—' : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`);
  return figure(
    'review-latency',
    'Review latency',
    `Time from commit to its first sign-off, for ${count(latency.signedOffCommits)} signed-off commits: median ${hours(latency.medianHours)}, 90th percentile ${hours(latency.p90Hours)}.`,
    table(
      'Signed-off commits by time from commit to sign-off',
      ['Time to sign-off', 'Commits'],
      latency.buckets.map((bucket) => [e(bucket.label), count(bucket.commits)]),
      'review-latency',
    ),
    220,
  );
}

/** Every section of the Insights page, tables filled in; the charts are drawn by the page script. */
export function insightsSections(insights: Insights, options: SectionOptions): string {
  return [summary(insights), weekly(insights), reviewByClass(insights), topFiles(insights, options), origins(insights), latency(insights)].join('\n');
}
