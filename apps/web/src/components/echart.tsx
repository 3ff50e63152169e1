import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ChartExportMenu, chartName, type ChartExportInfo } from '../exports/chart-export-menu.tsx';

echarts.use([
  LineChart,
  BarChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart drawn as SVG (crisp, printable, exportable). The drawing is one image for
 * assistive technology: `summary` is its name; the figure around it carries the data as a table.
 */
export function EChart({
  option,
  height,
  summary,
  exportInfo,
}: {
  option: ChartOption;
  height: number;
  summary: string;
  /** Title, subtitle and source of the exported chart; default: its figure's caption and the selection. */
  exportInfo?: ChartExportInfo;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current!;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);
  useEffect(() => {
    chart.current?.resize();
  }, [height]);
  // The export buttons are named after the chart: its figure's caption, known once it is in the page.
  const [name, setName] = useState(summary);
  useEffect(() => {
    const next = exportInfo?.title ?? chartName(ref.current) ?? summary;
    if (next !== name) setName(next);
  });
  return (
    <>
      <div ref={ref} class="chart" role="img" aria-label={summary} style={{ height: `${height}px` }} />
      <ChartExportMenu
        name={name}
        info={exportInfo}
        chart={{ svg: () => chart.current?.renderToSVGString() ?? '', element: () => ref.current }}
      />
    </>
  );
}
