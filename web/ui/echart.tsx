/**
 * One ECharts chart in a box that follows its container's size. Only the chart types and
 * components the app uses are registered (echarts/core), and only pages that draw charts import
 * this file, so ECharts stays out of the sign-in bundle (scripts/check-login-bundle.mjs).
 *
 * SVG rendering: crisp at any zoom, and the labels are real text (readable by tests, selectable).
 */
import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

registerParts([BarChart, PieChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers (the chart itself is a picture to them). */
  label: string;
  /** Called with the clicked item's data (bar, slice or funnel stage). */
  onItemClick?: (data: unknown) => void;
  testId?: string;
};

export function EChart({ option, height, label, onItemClick, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params.data));
    // The menu folding, a window resize or a card growing: redraw to the new width.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a drill-down has other categories; merging would keep the old ones.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    // dir="ltr": ECharts places its texts by start/end; the RTL mirroring is in the option (chart-options.ts).
    <div ref={box} dir="ltr" role="img" aria-label={label} data-testid={testId} className="echart" style={{ width: '100%', height }} />
  );
}
