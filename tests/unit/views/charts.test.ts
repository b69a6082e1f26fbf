import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import {
  FULL_SIZE,
  SERIES_STYLES,
  SMALL_SIZE,
  competencyChart,
  escapeXml,
  interviewLabels,
  labelledPositions,
  legendSwatch,
  lineChart,
  overallScoreChart,
  plotArea,
  xFor,
  yFor,
} from '../../../src/views/charts.js';

const day = (d: number) => new Date(Date.UTC(2025, 2, d, 12));
const interview = (d: number, overallScore: number, jobTitle = 'Backend Engineer', companyName = 'Northwind') => ({
  completedAt: day(d),
  overallScore,
  jobTitle,
  companyName,
});

const svgOf = (markup: string | null) => {
  expect(markup).not.toBeNull();
  return parse(markup!).querySelector('svg')!;
};

describe('scales', () => {
  const area = plotArea(FULL_SIZE);

  it('puts 10 at the top of the plot and 1 at the bottom, linearly', () => {
    expect(yFor(10, FULL_SIZE)).toBe(area.top);
    expect(yFor(1, FULL_SIZE)).toBe(area.bottom);
    expect(yFor(5.5, FULL_SIZE)).toBe((area.top + area.bottom) / 2);
    // Out-of-range values stay inside the plot.
    expect(yFor(0, FULL_SIZE)).toBe(area.bottom);
    expect(yFor(12, FULL_SIZE)).toBe(area.top);
  });

  it('spreads interviews edge to edge and centres a single one', () => {
    expect(xFor(0, 3, FULL_SIZE)).toBe(area.left);
    expect(xFor(2, 3, FULL_SIZE)).toBe(area.right);
    expect(xFor(1, 3, FULL_SIZE)).toBe((area.left + area.right) / 2);
    expect(xFor(0, 1, FULL_SIZE)).toBe((area.left + area.right) / 2);
  });

  it('labels interviews by date, numbering them where several share a date', () => {
    expect(interviewLabels([day(1), day(2)])).toEqual(['1 Mar', '2 Mar']);
    expect(interviewLabels([day(1), day(1), day(4)])).toEqual(['1 Mar #1', '1 Mar #2', '4 Mar']);
  });

  it('labels at most the maximum number of x positions', () => {
    expect(labelledPositions(3, 8)).toEqual([0, 1, 2]);
    expect(labelledPositions(20, 8)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    expect(labelledPositions(0, 8)).toEqual([]);
  });
});

describe('overall score chart', () => {
  it('draws one point per interview at the right coordinates, joined by a line', () => {
    const svg = svgOf(overallScoreChart([interview(1, 3), interview(8, 7), interview(15, 10)]));
    const points = svg.querySelectorAll('.chart-point');
    expect(points).toHaveLength(3);
    const coords = points.map((p) => [Number(p.getAttribute('cx')), Number(p.getAttribute('cy'))]);
    expect(coords).toEqual([
      [xFor(0, 3, FULL_SIZE), yFor(3, FULL_SIZE)],
      [xFor(1, 3, FULL_SIZE), yFor(7, FULL_SIZE)],
      [xFor(2, 3, FULL_SIZE), yFor(10, FULL_SIZE)],
    ]);
    const line = svg.querySelector('polyline.chart-line')!;
    expect(line.getAttribute('points')).toBe(coords.map(([x, y]) => `${x},${y}`).join(' '));
    // A tooltip on every point, with the date, the job and the score.
    expect(points[1]!.querySelector('title')!.textContent).toBe('Interview 2, 8 Mar 2025: Backend Engineer at Northwind — 7/10');
  });

  it('has a 1–10 axis with a gridline per score and date labels', () => {
    const svg = svgOf(overallScoreChart([interview(1, 3), interview(8, 7)]));
    const grid = svg.querySelectorAll('.chart-grid line');
    expect(grid).toHaveLength(10);
    expect(svg.querySelectorAll('.chart-grid text').map((t) => t.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(svg.querySelectorAll('.chart-axis text').map((t) => t.textContent)).toEqual(['1 Mar', '8 Mar']);
  });

  it('anchors the first and last date labels inwards so the plot edges never clip them', () => {
    const svg = svgOf(overallScoreChart([interview(1, 3), interview(8, 7), interview(15, 9)]));
    expect(svg.querySelectorAll('.chart-axis text').map((t) => t.getAttribute('text-anchor'))).toEqual(['start', 'middle', 'end']);
    expect(svgOf(overallScoreChart([interview(1, 3)])).querySelector('.chart-axis text')!.getAttribute('text-anchor')).toBe('middle');
  });

  it('is accessible: role img, title and desc referenced by aria-labelledby', () => {
    const svg = svgOf(overallScoreChart([interview(1, 4), interview(2, 6)]));
    expect(svg.getAttribute('id')).toBe('overall-chart');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('overall-chart-title overall-chart-desc');
    expect(svg.querySelector('#overall-chart-title')!.textContent).toBe('Overall interview score over time');
    expect(svg.querySelector('#overall-chart-desc')!.textContent).toContain('in order: 4, 6');
  });

  it('draws a single interview as a point without a line', () => {
    const svg = svgOf(overallScoreChart([interview(3, 6)]));
    expect(svg.querySelectorAll('.chart-point')).toHaveLength(1);
    expect(svg.querySelector('polyline')).toBeNull();
    const point = svg.querySelector('.chart-point')!;
    expect(Number(point.getAttribute('cx'))).toBe(xFor(0, 1, FULL_SIZE));
    expect(svg.querySelector('desc')!.textContent).toContain('One interview so far');
  });

  it('returns null when there is nothing to draw', () => {
    expect(overallScoreChart([])).toBeNull();
    expect(lineChart({ id: 'x', title: 't', description: 'd', xLabels: ['a'], series: [{ label: 's', values: [null], tooltips: [''], style: 0 }] })).toBeNull();
  });

  it('escapes every piece of text', () => {
    const hostile = '<script>alert("x")</script> & \'co\'';
    const markup = overallScoreChart([interview(1, 5, hostile, hostile), interview(2, 6)])!;
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    const chart = lineChart({
      id: 'a"b',
      title: '<b>',
      description: '&',
      xLabels: ['<x>'],
      series: [{ label: '"s"', values: [5], tooltips: ['<t>'], style: 0 }],
    })!;
    expect(chart).toContain('id="a&quot;b"');
    expect(chart).not.toMatch(/<b>|<x>|<t>|"s"/);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('uses no style attributes or style elements (the CSP forbids them)', () => {
    const markup = [
      overallScoreChart([interview(1, 5), interview(2, 6)])!,
      competencyChart({ id: 'c', label: 'Testing', interviews: [interview(1, 5), interview(2, 6)], steps: [{ interviewIndex: 0, score: 4, mastery: 4 }, { interviewIndex: 1, score: 8, mastery: 5.6 }] })!,
      legendSwatch(0),
      legendSwatch(1),
    ].join('');
    expect(markup).not.toMatch(/style\s*=/i);
    expect(markup).not.toMatch(/<style/i);
    expect(markup).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('competency chart', () => {
  const interviews = [interview(1, 5), interview(2, 6), interview(3, 7)];

  it('plots score and mastery only for the interviews that asked about the competency', () => {
    const svg = svgOf(
      competencyChart({
        id: 'competency-chart-testing',
        label: 'Testing',
        interviews,
        steps: [
          { interviewIndex: 0, score: 4, mastery: 4 },
          { interviewIndex: 2, score: 9, mastery: 6 },
        ],
      }),
    );
    const [scores, mastery] = svg.querySelectorAll('.chart-series');
    expect(scores!.getAttribute('data-series')).toBe('Score in the interview');
    const scorePoints = scores!.querySelectorAll('.chart-point');
    expect(scorePoints.map((p) => [Number(p.getAttribute('cx')), Number(p.getAttribute('cy'))])).toEqual([
      [xFor(0, 3, SMALL_SIZE), yFor(4, SMALL_SIZE)],
      [xFor(2, 3, SMALL_SIZE), yFor(9, SMALL_SIZE)],
    ]);
    // Mastery: squares on a dashed line, so the two series differ in more than colour.
    expect(mastery!.querySelectorAll('rect.chart-point')).toHaveLength(2);
    expect(mastery!.querySelector('polyline')!.getAttribute('stroke-dasharray')).toBe(SERIES_STYLES[1]!.dash);
    expect(scores!.querySelector('polyline')!.hasAttribute('stroke-dasharray')).toBe(false);
    expect(scorePoints[1]!.querySelector('title')!.textContent).toBe('Testing, interview 3, 3 Mar 2025: scored 9/10');
    expect(svg.querySelector('desc')!.textContent).toBe('Asked in 2 of 3 interviews. Scores: 4, 9. Mastery now 6 out of 10.');
    expect(svg.querySelectorAll('.chart-grid text').map((t) => t.textContent)).toEqual(['1', '4', '7', '10']);
  });

  it('gives every series style a distinct marker and dash pattern', () => {
    expect(new Set(SERIES_STYLES.map((s) => s.marker)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.dash)).size).toBe(SERIES_STYLES.length);
  });
});
