/**
 * ECharts as the 首页 uses it, tree-shaken: the core, the two chart types drawn (bar, pie), the components the
 * options name and the SVG renderer. Loaded only by `import()` from Chart.svelte, so it lands in its own chunk,
 * fetched when a chart is first drawn — never on the portal's first load.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { init };
