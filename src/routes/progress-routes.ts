import type { FastifyInstance } from 'fastify';
import { visitorId } from './visitor.js';
import { render, seeOther } from './render.js';
import { chartLongDate, legendSwatch } from '../intelligence/charts.js';

/** The progress page's own stylesheet (charts, mastery table, study plan). */
const STYLESHEETS = ['/public/css/progress.css'];

const TREND_LABELS = { new: 'First interview', up: 'Improving', down: 'Slipping', steady: 'Steady' } as const;

/** One decimal, as people read scores out of 10. */
const score1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

export async function progressRoutes(app: FastifyInstance) {
  const { progress } = app.services;

  app.get('/progress', async (request, reply) => {
    const overview = progress.overview(visitorId(request));
    return render(reply, 'pages/progress', {
      title: 'Progress',
      stylesheets: STYLESHEETS,
      ...overview,
      trendLabels: TREND_LABELS,
      score1,
      longDate: chartLongDate,
      legend: { score: legendSwatch(0), mastery: legendSwatch(1) },
    });
  });

  // A plain form (no field but the CSRF token; body limit in security/policy.ts). Post/Redirect/Get
  // to the new draft's set-up page, where the copied CV and job description can be reviewed or
  // replaced before starting.
  app.post('/progress/focused-interview', async (request, reply) => {
    const result = progress.startFocused(visitorId(request));
    if (result.kind === 'created') return seeOther(reply, `/session/${result.session.id}/upload`);
    // No interview to copy from: the create page. Interviews but none finished: the list of them.
    return seeOther(reply, result.kind === 'no-interview' ? '/?done=focus-no-interview' : '/dashboard?done=focus-no-plan');
  });
}
