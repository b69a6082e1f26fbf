/**
 * The feedback page's "Delivery" section: plain-language observations about how each spoken
 * answer was delivered, and the geometry of its server-rendered SVG charts (a timeline of
 * level and pitch with long pauses marked, and a pace gauge). Advice describes what can be
 * heard and measured — pace, pauses, pitch movement, filler words — never how the speaker
 * felt.
 */
import { LONG_PAUSE_SECONDS, PACE_COMFORT_MAX, PACE_COMFORT_MIN, type SpeechSummary } from '../speech/types.js';

export interface Figure {
  label: string;
  value: string;
}

export interface TimelineView {
  width: number;
  height: number;
  /** Level envelope as an SVG `points` list. */
  levelPoints: string;
  /** Pitch as separate runs (broken where there is no voice), each an SVG `points` list. */
  pitchRuns: string[];
  pauses: Array<{ x: number; width: number; label: string }>;
  firstWord: { x: number; label: string } | null;
  ticks: Array<{ x: number; label: string }>;
  plotTop: number;
  plotBottom: number;
  left: number;
  right: number;
  description: string;
}

export interface GaugeView {
  width: number;
  height: number;
  /** SVG path of the whole scale and of the comfort band. */
  scalePath: string;
  bandPath: string;
  needle: { x1: number; y1: number; x2: number; y2: number };
  labels: Array<{ x: number; y: number; text: string }>;
  value: number;
  zone: 'slow' | 'comfortable' | 'fast';
  description: string;
}

interface AnswerDelivery {
  id: string;
  title: string;
  question: string;
  figures: Figure[];
  advice: string[];
  timeline: TimelineView;
  gauge: GaugeView | null;
}

export interface DeliveryView {
  /** `fillerNote`: which recogniser counted filler words, and why the count is a lower bound (null: none counted). */
  overall: { figures: Figure[]; advice: string[]; gauge: GaugeView | null; fillerNote: string | null };
  answers: AnswerDelivery[];
}

export interface SpokenAnswerInput {
  questionNumber: number;
  followUp: boolean;
  question: string;
  metrics: SpeechSummary;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
/** "1 semitone", "2.5 semitones". */
const semitones = (x: number) => `${r1(x)} semitone${r1(x) === 1 ? '' : 's'}`;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Pace in words per minute: from the transcript when there is one, else estimated from syllables. */
export function paceOf(m: SpeechSummary): { wpm: number; source: 'transcript' | 'syllables' } | null {
  if (m.speechSeconds < 2) return null;
  if (m.rate.wpm !== null && m.rate.words !== null && m.rate.words > 0) return { wpm: m.rate.wpm, source: 'transcript' };
  if (m.rate.estimatedWpm !== null) return { wpm: m.rate.estimatedWpm, source: 'syllables' };
  return null;
}

function paceAdvice(wpm: number): string {
  const w = Math.round(wpm);
  const band = `${PACE_COMFORT_MIN}–${PACE_COMFORT_MAX}`;
  if (w < 110) return `About ${w} words a minute: slower than the ${band} most listeners find comfortable. Keep the pauses between sentences short, and move on once a point is made.`;
  if (w < PACE_COMFORT_MIN) return `About ${w} words a minute: a little under the ${band} comfort band. Clear and careful; keep it moving through the background so there is time for the result.`;
  if (w <= PACE_COMFORT_MAX) return `About ${w} words a minute: inside the ${band} comfort band.`;
  if (w <= 185) return `About ${w} words a minute: a little over the ${band} comfort band. Pause for a beat after each key point so it lands.`;
  return `About ${w} words a minute: well above the ${band} comfort band. Finish each sentence, pause, then start the next one.`;
}

function pauseAdvice(count: number, longest: { start: number; duration: number } | null): string | null {
  if (count === 0) return null;
  const where = longest ? ` (the longest ${r1(longest.duration)} s, at ${clock(longest.start)})` : '';
  return `${plural(count, 'pause')} longer than ${LONG_PAUSE_SECONDS} seconds${where}. A pause to think is fine; for a longer one, say so ("Let me think about that for a moment") so the silence has a reason.`;
}

function firstWordAdvice(seconds: number | null): string | null {
  if (seconds === null || seconds <= 5) return null;
  return `The first word came ${r1(seconds)} s after recording started. A breath before answering is good; for longer, open with a one-sentence summary and add the details after.`;
}

function pitchAdvice(variation: number | null): string | null {
  if (variation === null) return null;
  if (variation < 1.5) return `Your pitch stayed in a narrow range (about ${semitones(variation)} of variation), which can sound flat. Stress the words that carry the answer: what you did, the result, the number.`;
  if (variation <= 4.5) return `Your pitch varied naturally (about ${semitones(variation)} of variation).`;
  return `Your pitch moved a lot (about ${semitones(variation)} of variation): a lively delivery. Make sure the emphasis falls on the key facts.`;
}

function fillerAdvice(perMinute: number | null, topFiller?: string): string | null {
  if (perMinute === null) return null;
  const rate = r1(perMinute);
  const mostly = topFiller ? ` (mostly "${topFiller}")` : '';
  if (rate <= 2) return `${rate} filler words a minute: hardly any.`;
  if (rate <= 6) return `${rate} filler words a minute${mostly}. A short silent pause does the same job.`;
  return `${rate} filler words a minute${mostly}: often enough to be noticed. Replace them with a short silent pause.`;
}

function levelAdvice(m: SpeechSummary): string | null {
  if (m.level.meanDb === null || m.level.meanDb >= -40) return null;
  return `The recording was quiet (about ${Math.round(m.level.meanDb)} dBFS while speaking): move closer to the microphone or raise its input level.`;
}

function figuresOf(m: SpeechSummary): Figure[] {
  const pace = paceOf(m);
  const figures: Figure[] = [
    { label: 'Speaking time', value: `${clock(m.speakingSeconds)} of ${clock(m.durationSeconds)}` },
    {
      label: 'Pace',
      value: pace ? `${Math.round(pace.wpm)} words/min${pace.source === 'syllables' ? ' (estimated from syllables)' : ''}` : 'not enough speech',
    },
    { label: `Pauses over ${LONG_PAUSE_SECONDS} s`, value: String(m.longPauseCount) },
    { label: 'Time to first word', value: m.timeToFirstWord === null ? '—' : `${r1(m.timeToFirstWord)} s` },
    {
      label: 'Pitch variation',
      value: m.pitch.variationSemitones === null ? 'not enough voiced speech' : `${semitones(m.pitch.variationSemitones)}${m.pitch.medianHz ? ` around ${Math.round(m.pitch.medianHz)} Hz` : ''}`,
    },
    {
      label: 'Filler words',
      // At least: recognisers drop some hesitations (see fillerNoteOf).
      value: m.fillers && m.fillers.perMinute !== null ? `${r1(m.fillers.perMinute)} per minute (at least ${m.fillers.count} in all)` : 'not counted (no transcript)',
    },
  ];
  return figures;
}

function adviceOf(m: SpeechSummary): string[] {
  const pace = paceOf(m);
  const longest = m.longPauses.reduce<{ start: number; duration: number } | null>((a, p) => (!a || p.duration > a.duration ? p : a), null);
  return [
    pace ? paceAdvice(pace.wpm) : null,
    pauseAdvice(m.longPauseCount, longest),
    firstWordAdvice(m.timeToFirstWord),
    pitchAdvice(m.pitch.variationSemitones),
    m.fillers ? fillerAdvice(m.fillers.perMinute, m.fillers.top[0]?.filler) : null,
    levelAdvice(m),
  ].filter((a): a is string => a !== null);
}

const TIMELINE = { width: 640, height: 150, left: 36, right: 630, top: 10, levelBottom: 95, pitchTop: 100, bottom: 128 } as const;

export function timelineOf(m: SpeechSummary): TimelineView {
  const { width, height, left, right, top, levelBottom, pitchTop, bottom } = TIMELINE;
  const env = m.envelope;
  const duration = Math.max(m.durationSeconds, env.stepSeconds * env.levelDb.length, 0.1);
  const x = (t: number) => r1(left + (Math.min(duration, Math.max(0, t)) / duration) * (right - left));
  const levelY = (db: number) => r1(levelBottom - ((Math.min(0, Math.max(-60, db)) + 60) / 60) * (levelBottom - top));
  const levelPoints = env.levelDb.map((db, i) => `${x((i + 0.5) * env.stepSeconds)},${levelY(db)}`).join(' ');

  // Pitch in semitones around the median, ±8 semitones across the pitch band.
  const median = m.pitch.medianHz;
  const pitchY = (hz: number) => {
    const st = median ? 12 * Math.log2(hz / median) : 0;
    return r1((pitchTop + bottom) / 2 - (Math.max(-8, Math.min(8, st)) / 8) * ((bottom - pitchTop) / 2));
  };
  const pitchRuns: string[] = [];
  let run: string[] = [];
  env.pitchHz.forEach((hz, i) => {
    if (hz === null) {
      if (run.length > 1) pitchRuns.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${x((i + 0.5) * env.stepSeconds)},${pitchY(hz)}`);
  });
  if (run.length > 1) pitchRuns.push(run.join(' '));

  const pauses = m.longPauses.map((p) => ({
    x: x(p.start),
    width: r1(Math.max(1, x(p.start + p.duration) - x(p.start))),
    label: `Pause of ${r1(p.duration)} s at ${clock(p.start)}`,
  }));
  const step = duration <= 20 ? 5 : duration <= 60 ? 10 : duration <= 180 ? 30 : 60;
  const ticks: Array<{ x: number; label: string }> = [];
  for (let t = 0; t <= duration + 1e-9; t += step) ticks.push({ x: x(t), label: clock(t) });

  const pace = paceOf(m);
  const description =
    `Timeline of ${clock(m.durationSeconds)}: loudness on top, pitch below` +
    (m.longPauseCount > 0 ? `, ${plural(m.longPauseCount, 'long pause')} shaded` : ', no long pauses') +
    (pace ? `; pace about ${Math.round(pace.wpm)} words a minute.` : '.');
  return {
    width,
    height,
    levelPoints,
    pitchRuns,
    pauses,
    firstWord: m.timeToFirstWord === null ? null : { x: x(m.timeToFirstWord), label: `First word at ${r1(m.timeToFirstWord)} s` },
    ticks,
    plotTop: top,
    plotBottom: bottom,
    left,
    right,
    description,
  };
}

const GAUGE_MAX = 240;

export function gaugeOf(wpm: number): GaugeView {
  const cx = 110;
  const cy = 100;
  const radius = 80;
  const point = (v: number, r = radius) => {
    const angle = Math.PI * (1 - Math.min(GAUGE_MAX, Math.max(0, v)) / GAUGE_MAX);
    return { x: r1(cx + r * Math.cos(angle)), y: r1(cy - r * Math.sin(angle)) };
  };
  const arc = (from: number, to: number) => {
    const a = point(from);
    const b = point(to);
    return `M ${a.x} ${a.y} A ${radius} ${radius} 0 0 1 ${b.x} ${b.y}`;
  };
  const tip = point(wpm, radius - 12);
  const labels = [0, PACE_COMFORT_MIN, PACE_COMFORT_MAX, GAUGE_MAX].map((v) => {
    const p = point(v, radius + 12);
    return { x: p.x, y: r1(p.y + 4), text: String(v) };
  });
  const zone = wpm < PACE_COMFORT_MIN ? 'slow' : wpm > PACE_COMFORT_MAX ? 'fast' : 'comfortable';
  return {
    width: 220,
    height: 118,
    scalePath: arc(0, GAUGE_MAX),
    bandPath: arc(PACE_COMFORT_MIN, PACE_COMFORT_MAX),
    needle: { x1: cx, y1: cy, x2: tip.x, y2: tip.y },
    labels,
    value: Math.round(wpm),
    zone,
    description: `Pace gauge: ${Math.round(wpm)} words a minute; the comfortable band is ${PACE_COMFORT_MIN} to ${PACE_COMFORT_MAX}.`,
  };
}

/** Totals over every spoken answer, weighted by how long each was. */
function overallOf(spoken: readonly SpokenAnswerInput[]): DeliveryView['overall'] {
  const ms = spoken.map((s) => s.metrics);
  const speaking = ms.reduce((n, m) => n + m.speakingSeconds, 0);
  let paceWeight = 0;
  let paceSum = 0;
  for (const m of ms) {
    const pace = paceOf(m);
    if (pace) {
      paceSum += pace.wpm * m.speechSeconds;
      paceWeight += m.speechSeconds;
    }
  }
  const pace = paceWeight > 0 ? paceSum / paceWeight : null;
  const longPauses = ms.reduce((n, m) => n + m.longPauseCount, 0);
  const voiced = ms.filter((m) => m.pitch.variationSemitones !== null);
  const voicedSeconds = voiced.reduce((n, m) => n + m.pitch.voicedSeconds, 0);
  const variation =
    voicedSeconds > 0 ? voiced.reduce((n, m) => n + m.pitch.variationSemitones! * m.pitch.voicedSeconds, 0) / voicedSeconds : null;
  const withFillers = ms.filter((m) => m.fillers && m.fillers.perMinute !== null);
  const fillerMinutes = withFillers.reduce((n, m) => n + m.speechSeconds / 60, 0);
  const fillers = withFillers.reduce((n, m) => n + m.fillers!.count, 0);
  const fillerRate = fillerMinutes > 0 ? fillers / fillerMinutes : null;
  const starts = ms.map((m) => m.timeToFirstWord).filter((t): t is number => t !== null);
  const meanStart = starts.length > 0 ? starts.reduce((a, b) => a + b, 0) / starts.length : null;

  const figures: Figure[] = [
    { label: 'Answers spoken', value: String(spoken.length) },
    { label: 'Speaking time', value: clock(speaking) },
    { label: 'Average pace', value: pace === null ? 'not enough speech' : `${Math.round(pace)} words/min` },
    { label: `Pauses over ${LONG_PAUSE_SECONDS} s`, value: String(longPauses) },
    { label: 'Average time to first word', value: meanStart === null ? '—' : `${r1(meanStart)} s` },
    { label: 'Pitch variation', value: variation === null ? 'not enough voiced speech' : semitones(variation) },
    { label: 'Filler words', value: fillerRate === null ? 'not counted (no transcript)' : `at least ${r1(fillerRate)} per minute` },
  ];
  const advice = [
    pace === null ? null : paceAdvice(pace),
    longPauses > 0 ? `${plural(longPauses, 'pause')} longer than ${LONG_PAUSE_SECONDS} seconds across ${plural(spoken.length, 'answer')}.` : null,
    meanStart !== null && meanStart > 5 ? firstWordAdvice(meanStart) : null,
    pitchAdvice(variation),
    fillerAdvice(fillerRate),
  ].filter((a): a is string => a !== null);
  return { figures, advice, gauge: pace === null ? null : gaugeOf(pace), fillerNote: fillerNoteOf(ms) };
}

/** "openai:whisper-1" → "whisper-1 (an OpenAI-compatible service)", for the filler note. */
function transcriberLabel(name: string): string {
  const [kind, ...rest] = name.split(':');
  const model = rest.join(':');
  if (kind === 'openai') return `${model} (an OpenAI-compatible service)`;
  if (kind === 'gemini') return `Gemini (${model})`;
  if (kind === 'whisper') return `Whisper on this server (${model.split('/').pop()})`;
  return name;
}

/**
 * Filler words come from the transcript, and speech recognisers tidy hesitations away —
 * Whisper drops most "um"s; a prompt or an instruction to keep them helps but does not
 * guarantee it — so every count is a lower bound. Says which recogniser counted.
 */
function fillerNoteOf(ms: readonly SpeechSummary[]): string | null {
  const counted = ms.filter((m) => m.fillers && m.fillers.perMinute !== null);
  if (counted.length === 0) return null;
  const names = [...new Set(counted.map((m) => m.transcript.by).filter((n): n is string => Boolean(n)))];
  const by = names.length > 0 ? ` by ${names.map(transcriberLabel).join(' and ')}` : '';
  const asked = counted.every((m) => m.transcript.verbatim === true);
  const notAsked = counted.every((m) => m.transcript.verbatim === false);
  const why = asked
    ? 'It was asked to keep hesitations, but recognisers still leave out some “um”s and “uh”s'
    : notAsked
      ? 'This recogniser leaves out most “um”s and “uh”s'
      : 'Speech recognisers leave out some “um”s and “uh”s';
  return `Filler words are counted from the transcript written${by}. ${why}, so the counts are a lower bound: you may have used more.`;
}

/** The Delivery section, or null when no answer was spoken. */
export function deliveryView(spoken: readonly SpokenAnswerInput[]): DeliveryView | null {
  if (spoken.length === 0) return null;
  return {
    overall: overallOf(spoken),
    answers: spoken.map((s, i) => {
      const pace = paceOf(s.metrics);
      return {
        id: `delivery-${i + 1}`,
        title: s.followUp ? `Follow-up on question ${s.questionNumber}` : `Question ${s.questionNumber}`,
        question: s.question,
        figures: figuresOf(s.metrics),
        advice: adviceOf(s.metrics),
        timeline: timelineOf(s.metrics),
        gauge: pace ? gaugeOf(pace.wpm) : null,
      };
    }),
  };
}
