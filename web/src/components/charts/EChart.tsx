// Minimal ECharts host: registers only the chart types the app uses, so the echarts chunk stays small.
// Import this module lazily (React.lazy) so pages without charts never download echarts.
//
// Charts render with the SVG renderer (crisp, and their labels are in the DOM for assistive tech and
// tests) and without animation; the host gets data-rendered="true" once ECharts reports `finished`.
import { BarChart, LineChart, RadarChart, type BarSeriesOption, type LineSeriesOption, type RadarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

interface Props {
  option: ChartOption;
  height: number;
  ariaLabel: string;
  testId?: string;
}

export default function EChart({ option, height, ariaLabel, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = host.current as HTMLDivElement;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('finished', () => element.setAttribute('data-rendered', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    host.current?.setAttribute('data-rendered', 'false');
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div ref={host} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />
  );
}
