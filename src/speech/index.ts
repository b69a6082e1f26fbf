/** The speech pipeline's entry points for the app (see README.md in this folder). */
import type { SpeechSettings } from '../config.js';
import { createNoTranscriber, type Transcriber } from './transcriber.js';
import { createWhisperTranscriber } from './whisper-transcriber.js';

export { AudioSession } from './audio-session.js';
export { createRecordingStore, type RecordingStore } from './recordings.js';
export { withRedactedMessages, type Transcriber, type TranscriberStatus } from './transcriber.js';
export type { SpeechSummary, LiveMetrics } from './types.js';

/** The transcriber the configuration asks for. Cheap: a model is only loaded on first use. */
export function createTranscriber(settings: SpeechSettings): Transcriber {
  if (settings.transcriber === 'none') return createNoTranscriber();
  return createWhisperTranscriber({
    modelId: settings.whisperModel,
    modelDir: settings.whisperModelDir,
    allowDownload: settings.whisperAllowDownload,
  });
}
