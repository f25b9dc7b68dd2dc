// Bootstrap of a chart-rendering worker thread. Workers do not inherit the
// TypeScript loader of the main thread, so this plain-JS file registers tsx
// first and then loads the task module (which loads vega, vega-lite and resvg).
import { register } from 'tsx/esm/api';

register();
const { default: renderChartTask } = await import('./chart-task.ts');

export default renderChartTask;
