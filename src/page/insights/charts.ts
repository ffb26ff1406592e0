import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { NOT_LOAD_BEARING, type Insights } from '../../core/insights/types';
import type { ChartTheme } from './theme';

// Only what the page draws: a few hundred KB instead of the whole library.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartSpec = { readonly id: string; readonly option: EChartsCoreOption; readonly onClick?: (dataIndex: number) => void };

const label = (name: string) => (name === NOT_LOAD_BEARING ? 'not load-bearing' : name);

function base(theme: ChartTheme, description: string): EChartsCoreOption {
  return {
    animation: false,
    color: [...theme.palette],
    textStyle: { color: theme.foreground, fontFamily: theme.fontFamily },
    // ECharts writes a description for screen readers, and patterns tell series apart without colour.
    aria: { enabled: true, label: { description }, decal: { show: true } },
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0, textStyle: { color: theme.foreground }, type: 'scroll' },
  };
}

function axisStyle(theme: ChartTheme) {
  return { axisLine: { lineStyle: { color: theme.lines } }, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.lines } } };
}

function weeklyShare(insights: Insights, theme: ChartTheme): ChartSpec {
  const weeks = insights.weekly.map((week) => week.week);
  const classes = insights.classes.filter((name) => name !== NOT_LOAD_BEARING);
  // Dots on every week only while there are few of them; a long history draws plain lines.
  const showSymbol = weeks.length <= 30;
  const share = (value: { aiShare: number; addedLines: number } | undefined) =>
    value && value.addedLines > 0 ? Math.round(value.aiShare * 1000) / 10 : null;
  const series = [
    {
      name: 'all files',
      type: 'line',
      data: insights.weekly.map((week) => share(week)),
      lineStyle: { width: 3 },
      symbolSize: 6,
      showSymbol,
      connectNulls: true,
    },
    ...classes.map((name) => ({
      name,
      type: 'line',
      data: insights.weekly.map((week) => share(week.byClass[name])),
      symbolSize: 5,
      showSymbol,
      connectNulls: true,
    })),
  ];
  return {
    id: 'weekly-share',
    option: {
      ...base(theme, 'Weekly AI share of added lines in percent, overall and per load-bearing class.'),
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: weeks, ...axisStyle(theme) },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: theme.muted, formatter: '{value}%' },
        splitLine: { lineStyle: { color: theme.lines } },
      },
      series,
    },
  };
}

function reviewByClass(insights: Insights, theme: ChartTheme): ChartSpec {
  const classes = [...insights.classes].reverse();
  const totals = classes.map((name) => insights.byClass[name]);
  const stack = (name: string, color: string, data: number[]) => ({ name, type: 'bar', stack: 'lines', data, itemStyle: { color }, barMaxWidth: 28 });
  return {
    id: 'review-by-class',
    option: {
      ...base(theme, 'AI lines per load-bearing class: unreviewed, reviewed before the commit, and signed off.'),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axisStyle(theme) },
      yAxis: { type: 'category', data: classes.map(label), ...axisStyle(theme) },
      series: [
        stack(
          'unreviewed',
          theme.review[0],
          totals.map((value) => value.unreviewedLines),
        ),
        stack(
          'reviewed before commit',
          theme.review[1],
          totals.map((value) => Math.max(0, value.aiLines - value.signedOffLines - value.unreviewedLines)),
        ),
        stack(
          'signed off',
          theme.review[2],
          totals.map((value) => value.signedOffLines),
        ),
      ],
    },
  };
}

function topFiles(insights: Insights, theme: ChartTheme, open?: (path: string) => void): ChartSpec {
  const files = [...insights.topFiles].reverse();
  const several = insights.range.repositories.length > 1;
  return {
    id: 'top-files',
    option: {
      ...base(theme, 'Files ranked by unreviewed AI lines times their blast factor.'),
      legend: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axisStyle(theme) },
      yAxis: {
        type: 'category',
        data: files.map((file) => (several ? `${file.repository}: ${file.path}` : file.path)),
        ...axisStyle(theme),
        axisLabel: { color: theme.muted, width: 320, overflow: 'truncate' },
      },
      series: [
        {
          name: 'weight',
          type: 'bar',
          data: files.map((file) => file.weight),
          itemStyle: { color: theme.review[0] },
          barMaxWidth: 18,
          cursor: open ? 'pointer' : 'default',
        },
      ],
    },
    ...(open && !several ? { onClick: (index: number) => open(files[index].path) } : {}),
  };
}

function origins(insights: Insights, theme: ChartTheme): ChartSpec {
  const parts = (['sources', 'tools', 'models'] as const).map((key) => Object.entries(insights.tools[key]).slice(0, 8).reverse());
  const grids = parts.map((_, index) => ({ left: `${2 + index * 33.5}%`, width: '24%', top: 28, bottom: 8, containLabel: true }));
  return {
    id: 'origins',
    option: {
      ...base(theme, 'AI lines by source, by tool and by model.'),
      legend: { show: false },
      tooltip: { trigger: 'item', confine: true },
      title: undefined,
      grid: grids,
      xAxis: parts.map((_, index) => ({
        type: 'value',
        gridIndex: index,
        minInterval: 1,
        splitNumber: 2,
        ...axisStyle(theme),
        axisLabel: { color: theme.muted, hideOverlap: true },
      })),
      yAxis: parts.map((entries, index) => ({
        type: 'category',
        gridIndex: index,
        data: entries.map(([name]) => name),
        name: ['Sources', 'Tools', 'Models'][index],
        nameTextStyle: { color: theme.foreground, fontWeight: 'bold' },
        ...axisStyle(theme),
      })),
      series: parts.map((entries, index) => ({
        name: ['source', 'tool', 'model'][index],
        type: 'bar',
        xAxisIndex: index,
        yAxisIndex: index,
        data: entries.map(([, lines]) => lines),
        itemStyle: { color: theme.palette[index] },
        barMaxWidth: 18,
      })),
    },
  };
}

function latency(insights: Insights, theme: ChartTheme): ChartSpec | undefined {
  if (!insights.signOffs.recorded) return undefined;
  const buckets = insights.reviewLatency.buckets;
  return {
    id: 'review-latency',
    option: {
      ...base(theme, 'Signed-off commits by time from commit to sign-off.'),
      legend: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: buckets.map((bucket) => bucket.label), ...axisStyle(theme) },
      yAxis: { type: 'value', minInterval: 1, ...axisStyle(theme) },
      series: [
        { name: 'commits', type: 'bar', data: buckets.map((bucket) => bucket.commits), itemStyle: { color: theme.review[2] }, barMaxWidth: 48 },
      ],
    },
  };
}

export function chartSpecs(insights: Insights, theme: ChartTheme, open?: (path: string) => void): ChartSpec[] {
  return [
    weeklyShare(insights, theme),
    reviewByClass(insights, theme),
    topFiles(insights, theme, open),
    origins(insights, theme),
    latency(insights, theme),
  ].filter((spec): spec is ChartSpec => spec !== undefined);
}

/** Draws (or redraws) a chart into its container; returns it for resizing. */
export function draw(container: HTMLElement, spec: ChartSpec): echarts.ECharts {
  echarts.getInstanceByDom(container)?.dispose();
  const chart = echarts.init(container, undefined, { renderer: 'svg' });
  chart.setOption(spec.option);
  if (spec.onClick) {
    const onClick = spec.onClick;
    chart.on('click', (event) => {
      if (typeof event.dataIndex === 'number') onClick(event.dataIndex);
    });
  }
  return chart;
}
