/**
 * The bars of a figures table, without touching the DOM. Suppressed cells are not drawn (a bar
 * would show what the "< 3" hides); "khác" is drawn as one bar. In a right-to-left language the
 * axes are mirrored, as on the dashboard (web/features/reports/chart-options.ts).
 */
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { FigureTable } from '../../../common/religious-affairs';

export type FiguresChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export type FigureBar = { label: string; value: number };

/** The bars of a table: its shown cells with a count above zero, then "khác" when it holds anything. */
export function figureBars(table: FigureTable, name: (key: string) => string, otherLabel: string): FigureBar[] {
  const bars = table.cells.filter((c) => c.n !== null && c.n > 0).map((c) => ({ label: name(c.key), value: c.n! }));
  if (table.other.n) bars.push({ label: otherLabel, value: table.other.n });
  return bars;
}

export function figuresChartOption(bars: FigureBar[], ctx: { rtl: boolean; number: (n: number) => string; color: string }): FiguresChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => ctx.number(Number(v)) },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', inverse: ctx.rtl, minInterval: 1, axisLabel: { formatter: (v: number) => ctx.number(v) } },
    yAxis: { type: 'category', inverse: true, position: ctx.rtl ? 'right' : 'left', data: bars.map((b) => b.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: ctx.color }, label: { show: true, position: ctx.rtl ? 'left' : 'right', formatter: (p) => ctx.number(Number(p.value)) } }],
  };
}
