/**
 * Remote transcription through Gemini (@google/genai), with the key the operator already set
 * for the interviewer (GEMINI_API_KEY): each utterance goes as an inline WAV audio part with
 * an instruction to transcribe it verbatim — hesitations ("um", "uh") included, the job's
 * vocabulary spelled as given, and in the interview's language when it is known. Thinking is
 * off for the Flash models (a transcript needs none); one attempt per call (the app retries
 * once itself: withOneRetry).
 */
import { messageOf } from '../errors.js';
import { ApiError, GoogleGenAI } from '@google/genai';
import { failureOfError, failureOfStatus, scrubSecrets, utteranceWav, vocabularyList } from './remote-transcriber.js';
import { TranscriberError, type Transcriber, type TranscriberStatus, type TranscriptionHints } from './transcriber.js';

export interface GeminiTranscriberOptions {
  apiKey: string;
  model: string;
  /** null: Google's endpoint. */
  baseUrl: string | null;
  timeoutMs: number;
}

const LABEL = 'Gemini';

/** The instruction sent with each utterance. */
export function geminiInstruction(hints: TranscriptionHints | undefined): string {
  const words = vocabularyList(hints?.vocabulary);
  return [
    'Transcribe this audio clip of a job candidate answering an interview question.',
    'Write exactly what is said, verbatim: keep hesitations and filler words (um, uh, er, like, you know), repetitions and false starts; do not correct grammar.',
    hints?.language ? `The candidate speaks language "${hints.language}" (ISO 639-1); transcribe in that language, do not translate.` : '',
    words.length > 0 ? `Words that may occur, spelled like this: ${words.join(', ')}.` : '',
    'Reply with the transcript only: no quotes, labels, timestamps or comments. If there is no speech, reply with nothing.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Gemini sometimes wraps the words anyway: quotes, a "Transcript:" label, "(no speech)". */
export function cleanGeminiText(text: string): string {
  let out = text.trim().replace(/^(?:transcript(?:ion)?\s*:\s*)/i, '');
  if (/^[("[]?\s*(?:no speech|silence|inaudible|no audio)[^)\]]*[)\]]?\.?$/i.test(out)) return '';
  if (out.length >= 2 && /^["“].*["”]$/s.test(out)) out = out.slice(1, -1);
  return out.trim();
}

export function createGeminiTranscriber(options: GeminiTranscriberOptions): Transcriber {
  const { apiKey, model, timeoutMs } = options;
  const name = `gemini:${model}`;
  const client = new GoogleGenAI({
    apiKey,
    httpOptions: {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      timeout: timeoutMs,
      retryOptions: { attempts: 1 },
    },
  });
  const thinkingOff = /flash/i.test(model);

  const status = (): TranscriberStatus => ({ name, available: true, sendsAudioTo: `Google Gemini (${model})` });

  return {
    name,
    verbatim: true,
    status,
    async transcribe(audio: Float32Array, hints?: TranscriptionHints): Promise<string> {
      const wav = utteranceWav(audio);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await client.models.generateContent({
          model,
          contents: [
            {
              role: 'user',
              parts: [{ inlineData: { mimeType: 'audio/wav', data: wav.toString('base64') } }, { text: geminiInstruction(hints) }],
            },
          ],
          config: {
            temperature: 0,
            // ~25 s of speech is ~80 words; room for a fast talker and another script.
            maxOutputTokens: 1024,
            ...(thinkingOff ? { thinkingConfig: { thinkingBudget: 0 } } : {}),
            abortSignal: signal,
          },
        });
        const blocked = response.promptFeedback?.blockReason;
        if (blocked) throw new TranscriberError('failed', `${LABEL} declined to transcribe this part (${blocked}).`, false);
        return cleanGeminiText(response.text ?? '');
      } catch (error) {
        if (error instanceof TranscriberError) throw error;
        if (error instanceof ApiError) {
          let detail = '';
          try {
            detail = String((JSON.parse(error.message) as { error?: { message?: unknown } }).error?.message ?? '');
          } catch {
            detail = error.message;
          }
          throw failureOfStatus(error.status, LABEL, scrubSecrets(detail, [apiKey]).slice(0, 200));
        }
        if (signal.aborted) throw new TranscriberError('timeout', `${LABEL} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`);
        throw failureOfError(new Error(scrubSecrets(messageOf(error), [apiKey])), LABEL, timeoutMs);
      }
    },
    close: async () => undefined,
  };
}
