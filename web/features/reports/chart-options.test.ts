import { describe, expect, it } from 'vitest';
import {
  barChartHeight,
  buildChildChartOption,
  buildFieldChartOption,
  buildKindChartOption,
  buildPetitionChartOption,
  buildStatusFunnelOption,
  buildYearChartOption,
  type ChartContext,
  childOfClick,
} from './chart-options';
import { REPORT } from './report-fixture';

/** A stand-in for i18next: the key shows which text was asked for. */
const t = (key: string) => `«${key}»`;
const ltr: ChartContext = { t, language: 'vi', rtl: false, number: (n) => `#${n}` };
const rtl: ChartContext = { ...ltr, language: 'ar', rtl: true };

type Axis = { type?: string; data?: string[]; inverse?: boolean; position?: string };
type Series = { type?: string; name?: string; data?: unknown[]; stack?: string };
type Loose = { xAxis?: Axis; yAxis?: Axis; series?: Series[]; legend?: { data?: string[]; align?: string; left?: unknown; right?: unknown }; tooltip?: { valueFormatter?: (v: unknown) => string; extraCssText?: string } };
const loose = (option: unknown) => option as Loose;

describe('the chart of petitions', () => {
  it('has one category per petition category in the catalogue\'s order, with received, resolved and overdue side by side', () => {
    const option = loose(buildPetitionChartOption(REPORT, { ...ltr, language: 'en' }));
    expect(option.yAxis?.data).toEqual(['Land and site clearance', 'Environment']);
    expect(option.series?.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['«reports.petitions.received»', undefined, [10, 4]],
      ['«reports.petitions.resolved»', undefined, [8, 2]],
      ['«reports.petitions.overdue»', undefined, [2, 1]],
    ]);
  });

  it('names a category in Vietnamese when the language has no name, by its code when the catalogue lacks it, and mirrors in Arabic', () => {
    const report = { ...REPORT, petitionCategories: REPORT.petitionCategories.slice(1) };
    const option = loose(buildPetitionChartOption(report, rtl));
    // Known categories first (the catalogue's order), unknown ones after.
    expect(option.yAxis?.data).toEqual(['Môi trường', 'land']);
    expect([option.xAxis?.inverse, option.yAxis?.position]).toEqual([true, 'right']);
  });
});

describe('the chart of entries by field', () => {
  it('has one category per field with entries, named in the language, and a stacked series per kind', () => {
    const option = loose(buildFieldChartOption(REPORT, { ...ltr, language: 'en' }));
    expect(option.yAxis?.data).toEqual(['Economic', 'Cultural and social', 'Quốc phòng, an ninh']);
    expect(option.series?.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['«entries.kind.model»', 'kind', [3, 2, 1]],
      ['«entries.kind.typical_example»', 'kind', [2, 1, 0]],
    ]);
    expect(option.tooltip?.valueFormatter?.(1234)).toBe('#1234');
    // Axis numbers in the language's digits too (Arabic writes ٣ for 3).
    expect((option.xAxis as { axisLabel?: { formatter?: (v: number) => string } }).axisLabel?.formatter?.(3)).toBe('#3');
  });

  it('is mirrored in Arabic: values grow leftwards, names stand on the right, the legend starts on the right', () => {
    const left = loose(buildFieldChartOption(REPORT, ltr));
    const right = loose(buildFieldChartOption(REPORT, rtl));
    expect([left.xAxis?.inverse, left.yAxis?.position, left.legend?.align]).toEqual([false, 'left', 'left']);
    expect([right.xAxis?.inverse, right.yAxis?.position, right.legend?.align, right.legend?.right]).toEqual([true, 'right', 'right', 0]);
    expect(right.yAxis?.data).toEqual(['اقتصادي', 'Văn hóa – xã hội', 'Quốc phòng, an ninh']);
    expect(right.tooltip?.extraCssText).toContain('direction: rtl');
    // The same data either way.
    expect(right.series?.map((s) => s.data)).toEqual(left.series?.map((s) => s.data));
  });
});

describe('the chart of entries by year', () => {
  it('has every year of the range, earliest first, reversed on the axis in Arabic', () => {
    const option = loose(buildYearChartOption(REPORT.figures, { first: 2022, last: 2024 }, ltr));
    expect(option.xAxis?.data).toEqual(['2022', '2023', '2024']);
    expect(option.series?.map((s) => s.data)).toEqual([
      [0, 2, 4],
      [0, 0, 3],
    ]);
    const mirrored = loose(buildYearChartOption(REPORT.figures, { first: 2022, last: 2024 }, rtl));
    expect([mirrored.xAxis?.inverse, mirrored.yAxis?.position]).toEqual([true, 'right']);
  });
});

describe('the chart by child unit', () => {
  it('shows the own records and the children with entries, each bar carrying the unit it drills into', () => {
    const option = loose(buildChildChartOption(REPORT, ltr));
    expect(option.yAxis?.data).toEqual(['«reports.ownRecords»', 'Phường Hoa Lư', 'Huyện Hoa Lư cũ']);
    const models = option.series?.[0]?.data as { value: number; unitId: string | null }[];
    expect(models).toEqual([
      { value: 0, unitId: null },
      { value: 4, unitId: '21' },
      { value: 2, unitId: '22' },
    ]);
    expect(childOfClick(models[1])).toBe('21');
    // The own records are no unit to drill into; neither is anything else a click may hand over.
    expect(childOfClick(models[0])).toBeNull();
    expect(childOfClick(undefined)).toBeNull();
    expect(childOfClick(5)).toBeNull();
  });

  it('grows with the number of bars', () => {
    expect(barChartHeight(2)).toBe(220);
    expect(barChartHeight(30)).toBeGreaterThan(barChartHeight(10));
  });
});

describe('models against typical examples, and the funnel', () => {
  it('splits the counted entries by kind', () => {
    const option = loose(buildKindChartOption(REPORT.figures, ltr));
    expect(option.series?.[0]?.data).toMatchObject([
      { name: '«entries.kind.model»', value: 6 },
      { name: '«entries.kind.typical_example»', value: 3 },
    ]);
  });

  it('shows the lifecycle stages by their status names, widest first', () => {
    const option = loose(buildStatusFunnelOption(REPORT.figures, ltr));
    expect((option.series?.[0]?.data as { name: string; value: number }[]).map((d) => [d.name, d.value])).toEqual([
      ['«entries.status.registered»', 9],
      ['«entries.status.accepted»', 6],
      ['«entries.status.implementing»', 4],
      ['«entries.status.evaluated»', 3],
      ['«entries.status.recognised»', 1],
    ]);
    const label = (ctx: ChartContext) => (loose(buildStatusFunnelOption(REPORT.figures, ctx)).series?.[0] as { label?: { position?: string } }).label?.position;
    expect([label(ltr), label(rtl)]).toEqual(['right', 'left']);
  });
});
