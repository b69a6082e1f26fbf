/**
 * What the remote transcribers (OpenAI-compatible, Gemini) share: turning an utterance into a
 * WAV file, the prompt that carries the job's vocabulary, reading an SDK failure as a
 * TranscriberError (retryable or not), and keeping keys out of every message.
 */
import { messageOf } from '../errors.js';
import { float32ToPcm16, SAMPLE_RATE } from './signal.js';
import { TranscriberError } from './transcriber.js';
import { encodeWav } from './wav.js';

/** 16 kHz mono PCM16 WAV bytes of float samples. */
export function utteranceWav(audio: Float32Array): Buffer {
  return encodeWav(float32ToPcm16(audio), SAMPLE_RATE);
}

/**
 * The job's words, as few as fit: Whisper reads only the last 224 tokens of a prompt, and a
 * long list of terms makes a model more likely to "hear" them. Distinct, in order, ≤ maxChars.
 */
export function vocabularyList(vocabulary: readonly string[] | undefined, maxChars = 600): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let length = 0;
  for (const raw of vocabulary ?? []) {
    const term = raw.replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (!term || term.length > 60 || seen.has(key)) continue;
    if (length + term.length + 2 > maxChars) break;
    seen.add(key);
    out.push(term);
    length += term.length + 2;
  }
  return out;
}

/** Removes every secret (an API key a server echoed back) from a message. */
export function scrubSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[key]');
  return out;
}

/** An HTTP status read as a transcription failure: 4xx other than 408/409/429 can't pass by trying again. */
export function failureOfStatus(status: number, label: string, detail: string): TranscriberError {
  if (status === 401 || status === 403) return new TranscriberError('failed', `${label} refused the API key (${status}).`, false);
  const retryable = status >= 500 || status === 408 || status === 409 || status === 429;
  return new TranscriberError('failed', `${label} answered ${status}${detail ? `: ${detail}` : ''}.`, retryable);
}

/** Network failures and timeouts from fetch, the openai SDK or @google/genai. */
export function failureOfError(error: unknown, label: string, timeoutMs: number): TranscriberError {
  const name = error instanceof Error ? error.name : '';
  const message = messageOf(error);
  if (/timeout|timed out|aborted/i.test(`${name} ${message}`)) {
    return new TranscriberError('timeout', `${label} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`);
  }
  return new TranscriberError('failed', `${label} could not be reached (${message}).`);
}

/** The host of a URL, for messages and the consent step (never its path or query). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
