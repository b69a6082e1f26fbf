/**
 * One recording: PCM16 bytes in; live metrics, captions and finally a summary out.
 *
 * It joins the two streams. The signal stream (signal-stream.ts) analyses every 100 ms frame
 * synchronously. The semantic stream cuts the audio into utterances at the pauses the voice
 * activity detector finds and hands each to the transcriber (asynchronously, in a worker), so
 * captions arrive a moment after each sentence. Audio is only buffered for the utterance in
 * progress, and only when a transcriber is available.
 *
 * Nothing here knows about WebSockets: the route feeds bytes and forwards events.
 */
import { messageOf } from '../errors.js';
import { countFillers, countWords } from './fillers.js';
import { FRAME_BYTES, pcm16ToFloat32, SAMPLE_RATE } from './signal.js';
import { SignalStream, type TranscriptFigures } from './signal-stream.js';
import { TranscriberError, type Transcriber, type TranscriptionHints } from './transcriber.js';
import type { LiveMetrics, SpeechSummary } from './types.js';

/** Silence that ends an utterance for transcription (longer than between words). */
const UTTERANCE_GAP_SECONDS = 0.8;
/** Whisper reads 30 s windows; cut long monologues a little before. */
const MAX_UTTERANCE_SECONDS = 25;
/** Audio kept from before the detected start, so the first consonant is not clipped. */
const PREROLL_BYTES = FRAME_BYTES * 3;
/** Live metrics at most this often (seconds of audio). */
const METRICS_EVERY_SECONDS = 0.2;

export type AudioSessionEvent =
  | ({ type: 'metrics' } & LiveMetrics)
  | { type: 'transcript'; segment: { index: number; start: number; end: number; text: string }; text: string }
  | { type: 'notice'; code: 'transcriber_unavailable' | 'transcriber_busy' | 'transcription_failed'; message: string };

export interface AudioSessionOptions {
  transcriber: Transcriber | null;
  /** The interview's language and vocabulary, sent with every utterance. */
  hints?: TranscriptionHints;
  /** Receives live events; may be swapped (or muted) when the connection goes away. */
  emit?: (event: AudioSessionEvent) => void;
  /** Receives every accepted PCM chunk (raw-audio storage). */
  tap?: (pcm: Uint8Array) => void;
  /** How long to wait for captions still being transcribed when the recording ends. */
  finishTimeoutMs?: number;
}

interface Segment {
  index: number;
  start: number;
  end: number;
  text: string | null;
  failed: boolean;
}

export class AudioSession {
  readonly signal: SignalStream;
  private emit: (event: AudioSessionEvent) => void;
  private readonly transcriber: Transcriber | null;
  private readonly hints: TranscriptionHints | undefined;
  private readonly tap: ((pcm: Uint8Array) => void) | undefined;
  private readonly finishTimeoutMs: number;
  private transcribing: boolean;

  // The utterance being collected for transcription.
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  private chunkStart = 0;
  private collecting = false;
  private preroll: Buffer[] = [];
  private prerollBytes = 0;
  private lastSpeechEnd: number | null = null;

  private readonly segments: Segment[] = [];
  private readonly pending = new Set<Promise<void>>();
  private noticeSent = false;
  private lastMetricsAt = -Infinity;
  private endedBy: SpeechSummary['endedBy'] = 'in_progress';
  private finishing: Promise<SpeechSummary> | null = null;

  constructor(options: AudioSessionOptions) {
    this.transcriber = options.transcriber;
    this.hints = options.hints;
    this.emit = options.emit ?? (() => undefined);
    this.tap = options.tap;
    this.finishTimeoutMs = options.finishTimeoutMs ?? 20_000;
    this.transcribing = this.transcriber?.status().available ?? false;
    this.signal = new SignalStream((event) => {
      if (event.type === 'start') this.lastSpeechEnd = null;
      else this.lastSpeechEnd = event.end;
    });
  }

  get duration(): number {
    return this.signal.duration;
  }

  get ended(): boolean {
    return this.endedBy !== 'in_progress';
  }

  /** Stops sending events (the connection is gone); the analysis carries on. */
  mute(): void {
    this.emit = () => undefined;
  }

  /** Feeds PCM16 bytes (even length). Sends live metrics when it is time. */
  push(pcm: Buffer): void {
    if (this.ended) return;
    this.tap?.(pcm);
    for (let offset = 0; offset < pcm.length; offset += FRAME_BYTES) {
      const piece = pcm.subarray(offset, Math.min(pcm.length, offset + FRAME_BYTES));
      const wasSpeaking = this.signal.speaking;
      if (this.transcribing) this.collect(piece);
      this.signal.push(piece);
      if (this.transcribing) this.cutIfDue(wasSpeaking);
    }
    if (this.signal.duration - this.lastMetricsAt >= METRICS_EVERY_SECONDS - 1e-9) {
      this.lastMetricsAt = this.signal.duration;
      this.emit({ type: 'metrics', ...this.signal.live(this.figures()) });
    }
  }

  private collect(piece: Buffer): void {
    if (this.collecting) {
      this.chunks.push(piece);
      this.chunkBytes += piece.length;
      return;
    }
    this.preroll.push(piece);
    this.prerollBytes += piece.length;
    while (this.prerollBytes - this.preroll[0]!.length >= PREROLL_BYTES) this.prerollBytes -= this.preroll.shift()!.length;
  }

  private cutIfDue(wasSpeaking: boolean): void {
    const now = this.signal.duration;
    if (!this.collecting) {
      if (!wasSpeaking && this.signal.speaking) {
        // Speech started in this piece: the utterance begins with the pre-roll.
        this.collecting = true;
        this.chunks = this.preroll;
        this.chunkBytes = this.prerollBytes;
        this.chunkStart = now - this.prerollBytes / 2 / SAMPLE_RATE;
        this.preroll = [];
        this.prerollBytes = 0;
      }
      return;
    }
    const tooLong = this.chunkBytes / 2 / SAMPLE_RATE >= MAX_UTTERANCE_SECONDS;
    const quietLongEnough = !this.signal.speaking && this.lastSpeechEnd !== null && now - this.lastSpeechEnd >= UTTERANCE_GAP_SECONDS;
    if (tooLong || quietLongEnough) this.cut(now);
  }

  /** Sends the collected utterance to the transcriber. */
  private cut(now: number): void {
    const bytes = Buffer.concat(this.chunks, this.chunkBytes);
    const start = this.chunkStart;
    this.chunks = [];
    this.chunkBytes = 0;
    this.collecting = this.signal.speaking; // a monologue cut for length carries straight on
    this.chunkStart = now;
    if (bytes.length < FRAME_BYTES || !this.transcriber) return;
    const audio = pcm16ToFloat32(bytes);
    const segment: Segment = { index: this.segments.length, start: Math.max(0, start), end: now, text: null, failed: false };
    this.segments.push(segment);
    const job = this.transcriber.transcribe(audio, this.hints).then(
      (text) => {
        segment.text = text;
        const full = this.text();
        this.emit({ type: 'transcript', segment: { index: segment.index, start: round(segment.start), end: round(segment.end), text }, text: full });
      },
      (error: unknown) => {
        segment.failed = true;
        this.onTranscriberError(error);
      },
    );
    const tracked = job.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private onTranscriberError(error: unknown): void {
    const kind = error instanceof TranscriberError ? error.kind : 'failed';
    if (kind === 'unavailable') this.transcribing = false; // don't buffer audio for nothing
    if (this.noticeSent) return;
    this.noticeSent = true;
    const message = messageOf(error);
    this.emit({
      type: 'notice',
      code: kind === 'unavailable' ? 'transcriber_unavailable' : kind === 'busy' ? 'transcriber_busy' : 'transcription_failed',
      message:
        kind === 'busy'
          ? 'Live captions are behind: some of this answer was not transcribed. Everything else is still measured; type what is missing.'
          : kind === 'unavailable'
            ? `Live captions stopped: ${message} Everything else is still measured.`
            : `Part of this answer could not be transcribed (${message.replace(/\.$/, '')}; tried twice). Your recording and its measurements are kept: type what is missing in the box.`,
    });
  }

  /** The transcript so far, utterances in order. */
  text(): string {
    return this.segments
      .map((s) => s.text ?? '')
      .filter(Boolean)
      .join(' ');
  }

  /** Word and filler counts of the transcript; null until at least one utterance is transcribed. */
  private figures(): (TranscriptFigures & { segments: number; failedSegments: number }) | null {
    const done = this.segments.filter((s) => s.text !== null).length;
    if (done === 0) return null;
    const text = this.text();
    const fillers = countFillers(text);
    return {
      words: countWords(text),
      fillers: fillers.total,
      top: fillers.byFiller,
      segments: done,
      failedSegments: this.segments.filter((s) => s.failed).length,
    };
  }

  /** The metrics summary as it stands (also while recording). */
  summary(): SpeechSummary {
    const summary = this.signal.summary(this.figures(), this.endedBy);
    summary.transcript.failedSegments = this.segments.filter((s) => s.failed).length;
    if (this.transcriber && this.segments.length > 0) {
      // Which recogniser wrote the words, and whether it was asked to keep "um"s: the
      // Delivery section says filler counts are a lower bound either way.
      summary.transcript.by = this.transcriber.name;
      summary.transcript.verbatim = this.transcriber.verbatim ?? false;
    }
    return summary;
  }

  /**
   * Ends the recording: analyses what is left, transcribes the last utterance, waits (bounded)
   * for captions in flight. Safe to call more than once; later calls get the same result.
   */
  finish(endedBy: Exclude<SpeechSummary['endedBy'], 'in_progress'>): Promise<SpeechSummary> {
    if (this.finishing) return this.finishing;
    this.finishing = (async () => {
      this.signal.finish();
      if (this.transcribing && this.collecting && this.chunkBytes > 0) this.cut(this.signal.duration);
      this.endedBy = endedBy;
      if (this.pending.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...this.pending]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, this.finishTimeoutMs);
            timer.unref();
          }),
        ]);
        clearTimeout(timer);
      }
      return this.summary();
    })();
    return this.finishing;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
