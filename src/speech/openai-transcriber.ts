/**
 * Remote transcription through any OpenAI-compatible `POST {base}/audio/transcriptions`
 * (OpenAI's whisper-1 / gpt-4o-mini-transcribe, Groq, a self-hosted speaches,
 * faster-whisper-server, LocalAI or whisper.cpp server) with the `openai` SDK. One request per
 * utterance, as the semantic stream cuts them: a WAV file, the language when known, and a
 * prompt that carries the job's vocabulary and, in its style, hesitations — Whisper writes a
 * transcript in the style of its prompt, so "Um, uh" there is the closest thing this API has to
 * a verbatim option. SDK retries are off: the app retries once itself (withOneRetry).
 */
import OpenAI, { APIError, toFile } from 'openai';
import { failureOfError, failureOfStatus, hostOf, scrubSecrets, utteranceWav, vocabularyList } from './remote-transcriber.js';
import { TranscriberError, type Transcriber, type TranscriberStatus, type TranscriptionHints } from './transcriber.js';

export interface OpenAiTranscriberOptions {
  baseUrl: string;
  model: string;
  /** null for servers that take no key (a local speaches or whisper.cpp). */
  apiKey: string | null;
  timeoutMs: number;
  /** Replaces global fetch (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** Whisper copies the style of its prompt: with hesitations in it, it keeps the speaker's. */
const VERBATIM_PREAMBLE = 'Umm, let me think, uh... so, like, hmm.';

/** The prompt for one utterance: the hesitation preamble, then the job's words. */
export function transcriptionPrompt(hints: TranscriptionHints | undefined): string {
  const words = vocabularyList(hints?.vocabulary);
  return words.length > 0 ? `${VERBATIM_PREAMBLE} We talked about ${words.join(', ')}.` : VERBATIM_PREAMBLE;
}

export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const { baseUrl, model, apiKey, timeoutMs } = options;
  const host = hostOf(baseUrl);
  const label = `The speech-to-text server at ${host}`;
  const name = `openai:${model}`;
  const client = new OpenAI({
    apiKey: apiKey ?? 'no-key',
    baseURL: baseUrl,
    maxRetries: 0,
    timeout: timeoutMs,
    // No key: send no Authorization header at all (a local server may reject a dummy one).
    ...(apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const status = (): TranscriberStatus => ({ name, available: true, sendsAudioTo: `${host} (${model})` });

  return {
    name,
    verbatim: true,
    status,
    async transcribe(audio: Float32Array, hints?: TranscriptionHints): Promise<string> {
      const file = await toFile(utteranceWav(audio), 'utterance.wav', { type: 'audio/wav' });
      try {
        const result = await client.audio.transcriptions.create({
          file,
          model,
          response_format: 'json',
          temperature: 0,
          prompt: transcriptionPrompt(hints),
          ...(hints?.language ? { language: hints.language } : {}),
        });
        const text = (result as { text?: unknown }).text;
        if (typeof text !== 'string') throw new TranscriberError('failed', `${label} sent a reply without text.`);
        return text.trim();
      } catch (error) {
        if (error instanceof TranscriberError) throw error;
        if (error instanceof APIError && typeof error.status === 'number') {
          throw failureOfStatus(error.status, label, scrubSecrets(String((error.error as { message?: unknown } | undefined)?.message ?? ''), [apiKey]).slice(0, 200));
        }
        throw failureOfError(error, label, timeoutMs);
      }
    },
    close: async () => undefined,
  };
}
