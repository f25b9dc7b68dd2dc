/**
 * The report layer's stages, in order: charts and briefing, the explorer, and last the workbook
 * (one sheet per exported table of every stage before it, so it takes the stages it follows).
 */
import type { Stage } from '../core/stage.ts';
import { renderChartsStage } from './render-charts.stage.ts';
import { writeExplorerStage } from './write-explorer.stage.ts';
import { workbookStage } from './write-workbook.ts';

export function reportStages(upstream: readonly Stage[]): readonly Stage[] {
  const pages = [renderChartsStage, writeExplorerStage];
  return [...pages, workbookStage([...upstream, ...pages])];
}
