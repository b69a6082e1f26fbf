/**
 * Server-rendered SVG line charts for the progress page (pure: data in, markup out).
 *
 * The Content-Security-Policy forbids style attributes and <style> blocks, so the charts use
 * SVG presentation attributes (fill, stroke, stroke-dasharray) plus classes that
 * public/css/progress.css refines. Colours come from the Okabe–Ito colour-blind-safe palette,
 * and every series also has its own marker shape and dash pattern, so no reader depends on
 * telling colours apart. Each chart is role="img" with <title> and <desc>; the page puts the
 * same numbers in a table next to it. Every piece of text is escaped here.
 */

/** Scores are out of 10 and never below 1. */
const Y_MIN = 1;
const Y_MAX = 10;

export interface ChartSize {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  yTicks: readonly number[];
  /** Most x-axis labels shown (more would overlap); every point keeps its tooltip. */
  maxXLabels: number;
  markerRadius: number;
  fontSize: number;
}

export const FULL_SIZE: ChartSize = {
  width: 720,
  height: 300,
  margin: { top: 16, right: 24, bottom: 40, left: 40 },
  yTicks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  maxXLabels: 8,
  markerRadius: 5,
  fontSize: 12,
};

export const SMALL_SIZE: ChartSize = {
  width: 320,
  height: 170,
  margin: { top: 12, right: 16, bottom: 32, left: 32 },
  yTicks: [1, 4, 7, 10],
  maxXLabels: 4,
  markerRadius: 4,
  fontSize: 11,
};

type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  colour: string;
  marker: MarkerShape;
  /** stroke-dasharray; null = solid. */
  dash: string | null;
}

/** Okabe–Ito colours with at least 3:1 contrast on white, each with its own marker and dash. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0072B2', marker: 'circle', dash: null },
  { colour: '#D55E00', marker: 'square', dash: '6 4' },
  { colour: '#009E73', marker: 'triangle', dash: '2 3' },
  { colour: '#CC79A7', marker: 'diamond', dash: '8 3 2 3' },
];

interface ChartSeries {
  label: string;
  /** One value per x position; null where the series has no value. */
  values: readonly (number | null)[];
  /** Tooltip per x position (shown for points that have a value). */
  tooltips: readonly string[];
  /** Index into SERIES_STYLES. */
  style: number;
  /** Draw the connecting line (true) or only the points. */
  line?: boolean;
}

export interface LineChartInput {
  /** Element id of the <svg>; its <title> and <desc> get ids derived from it. */
  id: string;
  title: string;
  description: string;
  /** One label per x position (the interviews, in order). */
  xLabels: readonly string[];
  series: readonly ChartSeries[];
  size?: ChartSize;
  className?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for SVG/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Rounds a coordinate to 0.1 px: short markup, no visible difference. */
const r = (n: number) => Math.round(n * 10) / 10;

export function plotArea(size: ChartSize) {
  const { width, height, margin } = size;
  return { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

/** x of position `index` of `count`: spread edge to edge; a single point sits in the middle. */
export function xFor(index: number, count: number, size: ChartSize): number {
  const { left, right } = plotArea(size);
  if (count <= 1) return r((left + right) / 2);
  return r(left + (index * (right - left)) / (count - 1));
}

/** y of a score: Y_MAX at the top of the plot, Y_MIN at the bottom (values outside are clamped). */
export function yFor(value: number, size: ChartSize): number {
  const { top, bottom } = plotArea(size);
  const clamped = Math.min(Y_MAX, Math.max(Y_MIN, value));
  return r(bottom - ((clamped - Y_MIN) * (bottom - top)) / (Y_MAX - Y_MIN));
}

function marker(shape: MarkerShape, x: number, y: number, radius: number, colour: string, tooltip: string | null): string {
  const title = tooltip === null ? '' : `<title>${escapeXml(tooltip)}</title>`;
  const common = `class="chart-point" fill="${colour}" stroke="#ffffff" stroke-width="1.5"`;
  switch (shape) {
    case 'circle':
      return `<circle ${common} cx="${x}" cy="${y}" r="${radius}">${title}</circle>`;
    case 'square': {
      const s = r(radius * 0.9);
      return `<rect ${common} x="${r(x - s)}" y="${r(y - s)}" width="${r(2 * s)}" height="${r(2 * s)}">${title}</rect>`;
    }
    case 'triangle': {
      const h = r(radius * 1.2);
      return `<polygon ${common} points="${x},${r(y - h)} ${r(x + h)},${r(y + h * 0.8)} ${r(x - h)},${r(y + h * 0.8)}">${title}</polygon>`;
    }
    case 'diamond': {
      const d = r(radius * 1.25);
      return `<polygon ${common} points="${x},${r(y - d)} ${r(x + d)},${y} ${x},${r(y + d)} ${r(x - d)},${y}">${title}</polygon>`;
    }
  }
}

/** Which x positions get a label: every k-th, so at most `max` of them. */
export function labelledPositions(count: number, max: number): number[] {
  const step = Math.max(1, Math.ceil(count / max));
  const positions: number[] = [];
  for (let i = 0; i < count; i += step) positions.push(i);
  return positions;
}

/**
 * A line chart of 1–10 scores over positions (interviews). Returns null when no series has
 * a value: the caller shows its empty state instead of an empty frame.
 */
export function lineChart(input: LineChartInput): string | null {
  const size = input.size ?? FULL_SIZE;
  const count = input.xLabels.length;
  const hasPoint = input.series.some((s) => s.values.some((v) => v !== null));
  if (count === 0 || !hasPoint) return null;
  const { left, right, top, bottom } = plotArea(size);
  const id = escapeXml(input.id);
  const parts: string[] = [];

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart${input.className ? ' ' + escapeXml(input.className) : ''}"` +
      ` viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"` +
      ` role="img" aria-labelledby="${id}-title ${id}-desc" font-size="${size.fontSize}">`,
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(input.description)}</desc>`,
  );

  // Gridlines and y labels.
  parts.push('<g class="chart-grid" aria-hidden="true">');
  for (const tick of size.yTicks) {
    const y = yFor(tick, size);
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="#dde2e8" stroke-width="1"/>`,
      `<text class="chart-tick" x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#5b6675">${tick}</text>`,
    );
  }
  parts.push('</g>');

  // Axes and x labels.
  parts.push(
    '<g class="chart-axis" aria-hidden="true">',
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#5b6675" stroke-width="1"/>`,
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#5b6675" stroke-width="1"/>`,
  );
  for (const i of labelledPositions(count, size.maxXLabels)) {
    const x = xFor(i, count, size);
    // The end labels sit at the plot's edges: anchor them inwards so they are never clipped.
    const anchor = count > 1 && i === 0 ? 'start' : count > 1 && i === count - 1 ? 'end' : 'middle';
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 4}" stroke="#5b6675" stroke-width="1"/>`,
      `<text class="chart-tick" x="${x}" y="${bottom + 18}" text-anchor="${anchor}" fill="#5b6675">${escapeXml(input.xLabels[i] ?? '')}</text>`,
    );
  }
  parts.push('</g>');

  // Series: the line first, the points on top (each point carries its tooltip).
  input.series.forEach((series, seriesIndex) => {
    const style = SERIES_STYLES[series.style % SERIES_STYLES.length]!;
    const points = series.values
      .map((value, i) => (value === null ? null : { x: xFor(i, count, size), y: yFor(value, size), tooltip: series.tooltips[i] ?? '' }))
      .filter((p): p is { x: number; y: number; tooltip: string } => p !== null);
    if (points.length === 0) return;
    parts.push(`<g class="chart-series chart-series-${seriesIndex}" data-series="${escapeXml(series.label)}">`);
    if (series.line !== false && points.length > 1) {
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      parts.push(
        `<polyline class="chart-line" fill="none" stroke="${style.colour}" stroke-width="2.5" stroke-linejoin="round"${dash}` +
          ` points="${points.map((p) => `${p.x},${p.y}`).join(' ')}"/>`,
      );
    }
    for (const p of points) parts.push(marker(style.marker, p.x, p.y, size.markerRadius, style.colour, p.tooltip));
    parts.push('</g>');
  });

  parts.push('</svg>');
  return parts.join('');
}

/** A small legend swatch (line + marker) for series `style`, as standalone SVG for the page's legend. */
export function legendSwatch(style: number, line = true): string {
  const s = SERIES_STYLES[style % SERIES_STYLES.length]!;
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const stroke = line ? `<line x1="2" x2="34" y1="8" y2="8" stroke="${s.colour}" stroke-width="2.5"${dash}/>` : '';
  const point = marker(s.marker, 18, 8, 4, s.colour, null);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="legend-swatch" viewBox="0 0 36 16" width="36" height="16" aria-hidden="true" focusable="false">${stroke}${point}</svg>`;
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const chartDate = (date: Date) => shortDate.format(date);
export const chartLongDate = (date: Date) => longDate.format(date);

/** x labels for interviews: the date, plus the interview number where several share a date. */
export function interviewLabels(dates: readonly Date[]): string[] {
  const labels = dates.map(chartDate);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return labels.map((l, i) => ((counts.get(l) ?? 0) > 1 ? `${l} #${i + 1}` : l));
}

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

export interface ChartInterview {
  completedAt: Date;
  jobTitle: string;
  companyName: string;
  overallScore: number;
}

/** Overall score per interview, in completion order. Null when there is none. */
export function overallScoreChart(interviews: readonly ChartInterview[], id = 'overall-chart'): string | null {
  const n = interviews.length;
  const scores = interviews.map((i) => i.overallScore);
  const first = interviews[0];
  const last = interviews[n - 1];
  const description =
    n === 0 || !first || !last
      ? ''
      : n === 1
        ? `One interview so far, on ${chartLongDate(first.completedAt)}, scored ${first.overallScore} out of 10.`
        : `${n} interviews from ${chartLongDate(first.completedAt)} to ${chartLongDate(last.completedAt)}. ` +
          `Scores out of 10, in order: ${scores.join(', ')}. Lowest ${Math.min(...scores)}, highest ${Math.max(...scores)}, latest ${last.overallScore}.`;
  return lineChart({
    id,
    title: 'Overall interview score over time',
    description,
    xLabels: interviewLabels(interviews.map((i) => i.completedAt)),
    series: [
      {
        label: 'Overall score',
        values: scores,
        tooltips: interviews.map(
          (i, k) => `Interview ${k + 1}, ${chartLongDate(i.completedAt)}: ${i.jobTitle} at ${i.companyName} — ${i.overallScore}/10`,
        ),
        style: 0,
      },
    ],
  });
}

export interface CompetencyChartInput {
  id: string;
  label: string;
  /** Every interview, in completion order (the shared x axis of all competency charts). */
  interviews: readonly Pick<ChartInterview, 'completedAt'>[];
  /** Steps where the competency was scored: interview position, that interview's mean score, mastery after it. */
  steps: readonly { interviewIndex: number; score: number; mastery: number }[];
}

/**
 * One competency over time, drawn small (the page shows one per competency, all on the same
 * axes): its score in each interview that asked about it (circles, solid line) and mastery
 * after each of them (squares, dashed line).
 */
export function competencyChart(input: CompetencyChartInput): string | null {
  const n = input.interviews.length;
  const scores: (number | null)[] = Array.from({ length: n }, () => null);
  const mastery: (number | null)[] = Array.from({ length: n }, () => null);
  const scoreTips: string[] = Array.from({ length: n }, () => '');
  const masteryTips: string[] = Array.from({ length: n }, () => '');
  for (const step of input.steps) {
    if (step.interviewIndex < 0 || step.interviewIndex >= n) continue;
    const when = `interview ${step.interviewIndex + 1}, ${chartLongDate(input.interviews[step.interviewIndex]!.completedAt)}`;
    scores[step.interviewIndex] = step.score;
    mastery[step.interviewIndex] = step.mastery;
    scoreTips[step.interviewIndex] = `${input.label}, ${when}: scored ${oneDecimal(step.score)}/10`;
    masteryTips[step.interviewIndex] = `${input.label}, ${when}: mastery ${oneDecimal(step.mastery)}/10`;
  }
  const last = input.steps[input.steps.length - 1];
  const description = last
    ? `Asked in ${input.steps.length} of ${n} interviews. Scores: ${input.steps.map((s) => oneDecimal(s.score)).join(', ')}. ` +
      `Mastery now ${oneDecimal(last.mastery)} out of 10.`
    : '';
  return lineChart({
    id: input.id,
    title: `${input.label}: score and mastery over time`,
    description,
    xLabels: interviewLabels(input.interviews.map((i) => i.completedAt)),
    size: SMALL_SIZE,
    className: 'chart-small',
    series: [
      { label: 'Score in the interview', values: scores, tooltips: scoreTips, style: 0 },
      { label: 'Mastery', values: mastery, tooltips: masteryTips, style: 1 },
    ],
  });
}
