/**
 * One chart rendered as a task of the worker pool: the spec in, the forms out.
 * The spec arrives by structured clone (key order kept), so a chart rendered in
 * a worker is byte-identical to one rendered in the main thread.
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderChart, type RenderedChart } from './render-chart.ts';

export interface ChartTask { name: string; spec: TopLevelSpec }

export default async function renderChartTask(task: ChartTask): Promise<RenderedChart> {
  return renderChart(task.name, task.spec);
}
