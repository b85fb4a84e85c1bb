/**
 * The dashboard's ECharts options, built from a report without touching the DOM (unit-tested).
 * Every text comes from the catalogs (`ctx.t`) or from the report's field names in the interface
 * language; in a right-to-left language the axes are mirrored here (values grow leftwards, the
 * category axis stands on the right) while the chart's own box stays left-to-right, because
 * ECharts anchors its labels by "start"/"end", which an inherited dir="rtl" would flip.
 */
import type { BarSeriesOption, FunnelSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { ENTRY_KINDS, type EntryKind } from '../../../common/entries';
import { countCells, type ReportView, type ReportFigures } from '../../../common/reports';
import { childRows, entriesByYear, fieldKindFormRows, funnel, petitionCategoryRows } from './report-figures';

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | FunnelSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export type ChartContext = {
  t: (key: string, options?: Record<string, unknown>) => string;
  language: string;
  rtl: boolean;
  number: (value: number) => string;
};

/** One colour per kind on every chart, so "models" look the same everywhere. */
export const KIND_COLORS: Record<EntryKind, string> = { model: '#c62828', typical_example: '#f9a825' };
const FUNNEL_COLORS = ['#1565c0', '#00838f', '#2e7d32', '#6a1b9a', '#c62828'];

/** Category labels longer than this wrap onto the next line, between words: a name cut with "…"
 * ("Đất đai, giải phóng mặt …") hides what the bar is about, and where it is cut depends on the
 * fonts of the reader's machine. */
const LABEL_WIDTH = 160;

/** Height of a horizontal bar chart for `n` categories: every label stays readable. */
export function barChartHeight(n: number): number {
  return Math.max(220, 80 + n * 32);
}

function tooltip(ctx: ChartContext, trigger: 'axis' | 'item'): TooltipComponentOption {
  return {
    trigger,
    ...(trigger === 'axis' ? { axisPointer: { type: 'shadow' as const } } : {}),
    valueFormatter: (value) => (typeof value === 'number' ? ctx.number(value) : String(value ?? '')),
    // The tooltip is HTML: let Arabic read right to left inside it.
    extraCssText: ctx.rtl ? 'direction: rtl; text-align: right;' : '',
  };
}

function legend(ctx: ChartContext, names: string[]): LegendComponentOption {
  // Mirrored: items start on the right and put their colour mark after the text.
  return { data: ctx.rtl ? [...names].reverse() : names, top: 0, right: ctx.rtl ? 0 : undefined, left: ctx.rtl ? undefined : 0, align: ctx.rtl ? 'right' : 'left' };
}

function grid(): GridComponentOption {
  return { top: 36, bottom: 8, left: 8, right: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' };
}

function kindSeries(ctx: ChartContext, values: (kind: EntryKind) => BarSeriesOption['data']): BarSeriesOption[] {
  return ENTRY_KINDS.map((kind) => ({
    type: 'bar',
    name: ctx.t(`entries.kind.${kind}`),
    stack: 'kind',
    itemStyle: { color: KIND_COLORS[kind] },
    barMaxWidth: 28,
    data: values(kind),
  }));
}

/** A horizontal bar per category (the category axis on the right in RTL), stacked by kind. */
function horizontalBars(ctx: ChartContext, categories: string[], series: BarSeriesOption[]): ChartOption {
  return {
    tooltip: tooltip(ctx, 'axis'),
    legend: legend(ctx, series.map((s) => String(s.name))),
    grid: grid(),
    xAxis: { type: 'value', inverse: ctx.rtl, minInterval: 1, axisLabel: { formatter: (v: number) => ctx.number(v) } },
    // inverse: the first category on top, as a table reads.
    yAxis: { type: 'category', data: categories, inverse: true, position: ctx.rtl ? 'right' : 'left', axisLabel: { width: LABEL_WIDTH, overflow: 'break' } },
    series,
  };
}

/** Counted entries by field, stacked by kind, fields in the catalogue's order. */
export function buildFieldChartOption(report: Pick<ReportView, 'fields' | 'figures'>, ctx: ChartContext): ChartOption {
  const rows = fieldKindFormRows(report, ctx.language);
  return horizontalBars(
    ctx,
    rows.map((r) => r.name),
    kindSeries(ctx, (kind) => rows.map((r) => r.counts[`${kind}|collective`] + r.counts[`${kind}|individual`])),
  );
}

/** Counted entries by registration year, every year of `[first, last]` on the axis (earliest first in reading order). */
export function buildYearChartOption(figures: ReportFigures, years: { first: number; last: number }, ctx: ChartContext): ChartOption {
  const rows = entriesByYear(figures, years.first, years.last);
  const series = kindSeries(ctx, (kind) => rows.map((r) => r.byKind[kind]));
  return {
    tooltip: tooltip(ctx, 'axis'),
    legend: legend(ctx, series.map((s) => String(s.name))),
    grid: grid(),
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)), inverse: ctx.rtl },
    yAxis: { type: 'value', position: ctx.rtl ? 'right' : 'left', minInterval: 1, axisLabel: { formatter: (v: number) => ctx.number(v) } },
    series,
  };
}

/** The rows of the child chart (for its height too). */
export function chartedChildren(report: Pick<ReportView, 'children'>) {
  return childRows(report).filter((r) => r.figures.entries > 0);
}

/** A bar's data: its count and the unit it drills into (null for the unit's own records). */
export type ChildBarDatum = { value: number; unitId: string | null };

/**
 * Counted entries by child unit (the unit's own records first), stacked by kind; each bar carries
 * the child's id so a click can drill down (`childOfClick`). Children without entries are left
 * out: a province has about a hundred communes, and the table on the report page lists them all.
 */
export function buildChildChartOption(report: Pick<ReportView, 'children'>, ctx: ChartContext): ChartOption {
  const rows = chartedChildren(report);
  const series = kindSeries(ctx, (kind) =>
    rows.map((r): ChildBarDatum => ({ value: kind === 'model' ? r.figures.models : r.figures.typicalExamples, unitId: r.unitId })),
  );
  return horizontalBars(
    ctx,
    rows.map((r) => r.name ?? ctx.t('reports.ownRecords')),
    series.map((s) => ({ ...s, cursor: 'pointer' })),
  );
}

/** The child unit a click on the child chart names, if any (the own-records bar names none). */
export function childOfClick(data: unknown): string | null {
  const unitId = (data as Partial<ChildBarDatum> | null | undefined)?.unitId;
  return typeof unitId === 'string' ? unitId : null;
}

/** Models against typical examples, as a ring. */
export function buildKindChartOption(figures: ReportFigures, ctx: ChartContext): ChartOption {
  const tab = ENTRY_KINDS.map((kind) => ({ kind, value: countCells(figures.entries.cells, { kind }) }));
  const names = tab.map((d) => ctx.t(`entries.kind.${d.kind}`));
  return {
    tooltip: tooltip(ctx, 'item'),
    legend: legend(ctx, names),
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        top: 28,
        label: { formatter: (p) => `${p.name}\n${ctx.number(Number(p.value))} (${Math.round(Number(p.percent ?? 0))}%)`, lineHeight: 18 },
        data: tab.map((d, i) => ({ name: names[i] ?? d.kind, value: d.value, itemStyle: { color: KIND_COLORS[d.kind] } })),
      },
    ],
  };
}

/** One colour per petition measure on the petitions chart. */
export const PETITION_COLORS = { received: '#1565c0', resolved: '#2e7d32', overdue: '#c62828' } as const;

/**
 * Petitions by category (the catalogue's order, names in the interface language): received,
 * resolved and overdue side by side, not stacked (resolved and overdue are parts of received).
 */
export function buildPetitionChartOption(report: Pick<ReportView, 'petitionCategories' | 'figures'>, ctx: ChartContext): ChartOption {
  const rows = petitionCategoryRows(report, ctx.language);
  // Literal keys, so the catalogs' test sees every one of them.
  const names = { received: ctx.t('reports.petitions.received'), resolved: ctx.t('reports.petitions.resolved'), overdue: ctx.t('reports.petitions.overdue') };
  const series = (['received', 'resolved', 'overdue'] as const).map(
    (m): BarSeriesOption => ({ type: 'bar', name: names[m], itemStyle: { color: PETITION_COLORS[m] }, barMaxWidth: 14, data: rows.map((r) => r[m]) }),
  );
  return horizontalBars(ctx, rows.map((r) => r.name), series);
}

/** How far counted entries got in their lifecycle (`funnel`), widest at "registered". */
export function buildStatusFunnelOption(figures: ReportFigures, ctx: ChartContext): ChartOption {
  const stages = funnel(figures);
  const max = Math.max(1, ...stages.map((s) => s.n));
  return {
    tooltip: tooltip(ctx, 'item'),
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '4%',
        top: 8,
        bottom: 8,
        gap: 2,
        // Labels beside the funnel (on the left in RTL): a late stage is too narrow to hold its own.
        width: '55%',
        left: ctx.rtl ? '40%' : '5%',
        label: { position: ctx.rtl ? 'left' : 'right', formatter: (p) => `${p.name}: ${ctx.number(Number(p.value))}` },
        data: stages.map((s, i) => ({ name: ctx.t(`entries.status.${s.stage}`), value: s.n, itemStyle: { color: FUNNEL_COLORS[i] } })),
      },
    ],
  };
}
