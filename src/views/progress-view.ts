/**
 * The progress page from the progress service's data: the SVG charts (charts.ts), the trend
 * words and the number formats. The service returns scores and histories, never markup.
 */
import type { ProgressOverview } from '../services/progress-service.js';
import { chartLongDate, competencyChart, legendSwatch, overallScoreChart } from './charts.js';
import { TREND_LABELS } from './labels.js';

/** The progress page's own stylesheet (charts, mastery table, study plan). */
const STYLESHEETS = ['/public/css/progress.css'];

/** One decimal, as people read scores out of 10. */
const score1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** One chart per competency, in a stable order people can scan: alphabetical by label. */
function competencyCharts(overview: ProgressOverview) {
  return [...overview.mastery]
    .sort((a, b) => a.label.localeCompare(b.label, 'en'))
    .flatMap((m) => {
      const svg = competencyChart({ id: `competency-chart-${m.competency}`, label: m.label, interviews: overview.interviews, steps: m.history });
      return svg ? [{ competency: m.competency, label: m.label, svg, steps: m.history }] : [];
    });
}

export function progressPageData(overview: ProgressOverview) {
  return {
    title: 'Progress',
    stylesheets: STYLESHEETS,
    ...overview,
    overallChart: overallScoreChart(overview.interviews),
    competencyCharts: competencyCharts(overview),
    trendLabels: TREND_LABELS,
    score1,
    longDate: chartLongDate,
    legend: { score: legendSwatch(0), mastery: legendSwatch(1) },
  };
}
