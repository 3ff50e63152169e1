import * as echarts from 'echarts/core';
import { useEffect, type MutableRef } from 'preact/hooks';

/** What ECharts passes to a mouse event handler of a data item. */
export interface ChartItemEvent {
  seriesIndex?: number;
  seriesId?: string;
  dataIndex: number;
  data?: unknown;
  event?: { event?: MouseEvent };
}

export type ChartHandlers = Partial<Record<'click' | 'mouseover' | 'mouseout', (e: ChartItemEvent) => void>>;

/**
 * Listens to the mouse events of the ECharts chart drawn inside `wrapper` (by EChart). The chart
 * instance is looked up from its element after every render, so handlers always see current data and
 * follow a chart that EChart re-created.
 */
/** The ECharts instance EChart drew inside `wrapper`, if it is there. */
export function chartIn(wrapper: MutableRef<HTMLElement | null>): echarts.ECharts | undefined {
  const element = wrapper.current?.querySelector<HTMLElement>('.chart');
  const chart = element ? echarts.getInstanceByDom(element) : undefined;
  return chart && !chart.isDisposed() ? chart : undefined;
}

export function useChartEvents(wrapper: MutableRef<HTMLElement | null>, handlers: ChartHandlers): void {
  useEffect(() => {
    const chart = chartIn(wrapper);
    if (!chart) return;
    const entries = Object.entries(handlers) as [string, (e: ChartItemEvent) => void][];
    for (const [name, handler] of entries) chart.on(name, handler as (e: unknown) => void);
    return () => {
      if (chart.isDisposed()) return;
      for (const [name, handler] of entries) chart.off(name, handler as (e: unknown) => void);
    };
  });
}
