/** The speech pipeline's entry points for the app (see README.md in this folder). */
import type { SpeechSettings } from '../config.js';
import { createGeminiTranscriber } from './gemini-transcriber.js';
import { createOpenAiTranscriber } from './openai-transcriber.js';
import { createNoTranscriber, withOneRetry, type Transcriber } from './transcriber.js';
import { withConcurrencyLimit } from './transcription-limit.js';
import { createWhisperTranscriber } from './whisper-transcriber.js';

export { createRecordingStore, type RecordingStore } from './recordings.js';
export { withRedactedMessages, type Transcriber, type TranscriptionHints } from './transcriber.js';

/**
 * The transcriber the configuration asks for (config.ts resolves TRANSCRIBER=auto), retrying a
 * failed utterance once. Cheap: a local model is only loaded on first use; remote ones are
 * bounded server-wide (TRANSCRIBE_CONCURRENCY in flight, four times that waiting).
 */
export function createTranscriber(settings: SpeechSettings, options: { fetch?: typeof fetch } = {}): Transcriber {
  const limit = { concurrency: settings.remoteConcurrency, maxWaiting: settings.remoteConcurrency * 4 };
  switch (settings.transcriber) {
    case 'none':
      return createNoTranscriber();
    case 'openai': {
      const remote = settings.remoteOpenAi!;
      return withOneRetry(
        withConcurrencyLimit(
          createOpenAiTranscriber({
            baseUrl: remote.baseUrl!,
            model: remote.model,
            apiKey: remote.apiKey,
            timeoutMs: settings.remoteTimeoutMs,
            ...(options.fetch ? { fetch: options.fetch } : {}),
          }),
          limit,
        ),
      );
    }
    case 'gemini': {
      const remote = settings.remoteGemini!;
      return withOneRetry(
        withConcurrencyLimit(
          createGeminiTranscriber({ apiKey: remote.apiKey!, model: remote.model, baseUrl: remote.baseUrl, timeoutMs: settings.remoteTimeoutMs }),
          limit,
        ),
      );
    }
    case 'whisper':
      return withOneRetry(
        createWhisperTranscriber({
          modelId: settings.whisperModel,
          modelDir: settings.whisperModelDir,
          allowDownload: settings.whisperAllowDownload,
        }),
      );
  }
}
