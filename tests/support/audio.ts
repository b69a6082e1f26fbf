/**
 * Audio helpers for the speech tests: the WAV fixtures in tests/fixtures/audio (made by
 * make-audio.sh), synthetic signals, and streaming a file through the signal stream.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type WebSocket from 'ws';
import { float32ToPcm16, FRAME_BYTES, SAMPLE_RATE } from '../../src/speech/signal.js';
import { readWav } from '../../src/speech/wav.js';
import type { Visitor } from './test-app.js';

export const AUDIO_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/audio');

/** The PCM16 bytes of a fixture (all fixtures are 16 kHz mono). */
export function fixturePcm(name: string): Buffer {
  const wav = readWav(path.join(AUDIO_FIXTURES, name));
  if (wav.sampleRate !== SAMPLE_RATE || wav.channels !== 1) throw new Error(`${name} is not 16 kHz mono`);
  return wav.data;
}

export interface GapManifest {
  firstWordAt: number;
  gapStart: number;
  gapEnd: number;
}

export const gapManifest = (): GapManifest => JSON.parse(fs.readFileSync(path.join(AUDIO_FIXTURES, 'speech-gap.json'), 'utf8'));

/** Splits PCM into chunks of `size` bytes (the last may be shorter). */
export function chunks(pcm: Buffer, size = FRAME_BYTES): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < pcm.length; i += size) out.push(pcm.subarray(i, Math.min(pcm.length, i + size)));
  return out;
}

/** A sine tone as floats. */
export function sine(hz: number, seconds: number, amplitude = 0.5): Float32Array {
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE);
  return out;
}

export const sinePcm = (hz: number, seconds: number, amplitude = 0.5) => float32ToPcm16(sine(hz, seconds, amplitude));

/** The visitor agrees to voice recording in this interview (the audio socket refuses to open before). */
export async function consentToRecording(visitor: Visitor, sessionId: string, fields: Record<string, string> = {}): Promise<void> {
  const response = await visitor.post(`/session/${sessionId}/voice-consent`, fields, { htmx: true });
  expect(response.statusCode).toBe(204);
}

export type ServerMessage = { type: string; [key: string]: any };

/** A connected client: every JSON message it got, and how the socket closed. */
export interface SocketClient {
  ws: WebSocket;
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first message of `type` (already received or still to come). */
  next(type: string): Promise<ServerMessage>;
}

/** Follows a voice socket's JSON messages (binary frames are ignored) and how it closed. */
export function trackSocket(ws: WebSocket): SocketClient {
  const messages: ServerMessage[] = [];
  const waiters: Array<{ type: string; resolve: (m: ServerMessage) => void }> = [];
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const message = JSON.parse(data.toString()) as ServerMessage;
    messages.push(message);
    for (const w of waiters.filter((x) => x.type === message.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(message);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    ws,
    messages,
    closed,
    next: (type) =>
      new Promise((resolve) => {
        const seen = messages.find((m) => m.type === type);
        if (seen) resolve(seen);
        else waiters.push({ type, resolve });
      }),
  };
}
