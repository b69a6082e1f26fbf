/**
 * TRANSCRIBER and the remote speech-to-text settings (config.ts): auto picks the first that
 * is configured, keys are reused only for the same service, and a missing piece stops start-up
 * with a message naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { createTranscriber } from '../../../src/speech/index.js';
import { transcriptionPrompt } from '../../../src/speech/openai-transcriber.js';
import { cleanGeminiText, geminiInstruction } from '../../../src/speech/gemini-transcriber.js';
import { vocabularyList } from '../../../src/speech/remote-transcriber.js';

describe('choosing the transcriber', () => {
  it('auto: local Whisper when nothing remote is configured, and says why', () => {
    const speech = loadConfig({}).speech;
    expect(speech.transcriber).toBe('whisper');
    expect(speech.transcriberChoice).toMatch(/TRANSCRIBER=auto: no remote speech-to-text is configured/);
  });

  it('auto: an OpenAI-compatible speech server first, then Gemini', () => {
    const both = loadConfig({ TRANSCRIBE_BASE_URL: 'http://127.0.0.1:8000/v1', TRANSCRIBE_MODEL: 'Systran/faster-whisper-small', GEMINI_API_KEY: 'g-key' }).speech;
    expect(both.transcriber).toBe('openai');
    expect(both.transcriberChoice).toMatch(/TRANSCRIBE_BASE_URL is set/);
    expect(both.remoteOpenAi).toEqual({ baseUrl: 'http://127.0.0.1:8000/v1', model: 'Systran/faster-whisper-small', apiKey: null, apiKeyVariable: 'TRANSCRIBE_API_KEY' });
    const gemini = loadConfig({ GEMINI_API_KEY: 'g-key' }).speech;
    expect(gemini.transcriber).toBe('gemini');
    expect(gemini.remoteGemini).toMatchObject({ apiKey: 'g-key', model: 'gemini-2.5-flash', apiKeyVariable: 'GEMINI_API_KEY' });
    // TRANSCRIBE_MODEL names the Gemini model when Gemini transcribes.
    expect(loadConfig({ GEMINI_API_KEY: 'g', TRANSCRIBE_MODEL: 'gemini-2.5-flash-lite' }).speech.remoteGemini!.model).toBe('gemini-2.5-flash-lite');
  });

  it('an explicit TRANSCRIBER wins over auto', () => {
    expect(loadConfig({ GEMINI_API_KEY: 'g', TRANSCRIBER: 'whisper' }).speech).toMatchObject({ transcriber: 'whisper', transcriberChoice: 'TRANSCRIBER=whisper' });
    expect(loadConfig({ TRANSCRIBER: 'none' }).speech.transcriber).toBe('none');
  });

  it('reuses the chat key only for the same service; OpenAI gets whisper-1 by default', () => {
    const same = loadConfig({ OPENAI_API_KEY: 'sk-chat', OPENAI_BASE_URL: 'https://api.openai.com/v1', TRANSCRIBE_BASE_URL: 'https://api.openai.com/v1/' }).speech.remoteOpenAi!;
    expect(same).toEqual({ baseUrl: 'https://api.openai.com/v1', model: 'whisper-1', apiKey: 'sk-chat', apiKeyVariable: 'OPENAI_API_KEY' });
    // Another service: the chat key is not sent there.
    const other = loadConfig({ OPENAI_API_KEY: 'sk-chat', OPENAI_BASE_URL: 'https://api.openai.com/v1', TRANSCRIBE_BASE_URL: 'http://localhost:8000/v1', TRANSCRIBE_MODEL: 'm' }).speech.remoteOpenAi!;
    expect(other.apiKey).toBeNull();
    // Its own key wins.
    expect(loadConfig({ OPENAI_API_KEY: 'sk-chat', TRANSCRIBE_API_KEY: 'sk-own', TRANSCRIBE_BASE_URL: 'https://api.openai.com/v1' }).speech.remoteOpenAi!.apiKey).toBe('sk-own');
  });

  it('names the variable when something is missing or wrong', () => {
    expect(() => loadConfig({ TRANSCRIBER: 'openai' })).toThrow(/TRANSCRIBE_BASE_URL: required because TRANSCRIBER is openai/);
    expect(() => loadConfig({ TRANSCRIBER: 'gemini' })).toThrow(/GEMINI_API_KEY: required because TRANSCRIBER is gemini/);
    expect(() => loadConfig({ TRANSCRIBE_BASE_URL: 'http://localhost:8000/v1' })).toThrow(/TRANSCRIBE_MODEL: required because TRANSCRIBE_BASE_URL is http:\/\/localhost:8000\/v1/);
    expect(() => loadConfig({ TRANSCRIBE_BASE_URL: 'https://api.openai.com/v1' })).toThrow(/TRANSCRIBE_API_KEY: required for https:\/\/api.openai.com\/v1/);
    expect(() => loadConfig({ TRANSCRIBE_BASE_URL: 'https://api.groq.com/openai/v1', TRANSCRIBE_MODEL: 'whisper-large-v3-turbo' })).toThrow(/TRANSCRIBE_API_KEY/);
    expect(() => loadConfig({ TRANSCRIBER: 'azure' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRANSCRIBER: 'azure' })).toThrow(/TRANSCRIBER/);
    expect(() => loadConfig({ TRANSCRIBE_BASE_URL: 'ftp://x' })).toThrow(/TRANSCRIBE_BASE_URL/);
    expect(() => loadConfig({ TRANSCRIBE_TIMEOUT_MS: '5s' })).toThrow(/TRANSCRIBE_TIMEOUT_MS/);
    expect(() => loadConfig({ TRANSCRIBE_CONCURRENCY: '0' })).toThrow(/TRANSCRIBE_CONCURRENCY/);
  });

  it('builds the configured transcriber, which names where audio goes (never the key)', async () => {
    const openai = createTranscriber(loadConfig({ TRANSCRIBE_BASE_URL: 'https://api.openai.com/v1', TRANSCRIBE_API_KEY: 'sk-secret' }).speech);
    expect(openai.status()).toEqual({ name: 'openai:whisper-1', available: true, sendsAudioTo: 'api.openai.com (whisper-1)' });
    const gemini = createTranscriber(loadConfig({ GEMINI_API_KEY: 'g-secret' }).speech);
    expect(gemini.status()).toEqual({ name: 'gemini:gemini-2.5-flash', available: true, sendsAudioTo: 'Google Gemini (gemini-2.5-flash)' });
    expect(JSON.stringify([openai.status(), gemini.status()])).not.toMatch(/secret/);
    const none = createTranscriber(loadConfig({ TRANSCRIBER: 'none' }).speech);
    expect(none.status().available).toBe(false);
    await Promise.all([openai.close(), gemini.close(), none.close()]);
  });
});

describe('what remote transcribers are told', () => {
  it('keeps the vocabulary short and distinct', () => {
    expect(vocabularyList(['Kubernetes', 'kubernetes', '  Apache   Kafka ', '', 'x'.repeat(80)])).toEqual(['Kubernetes', 'Apache Kafka']);
    const many = Array.from({ length: 200 }, (_, i) => `Term${i}`);
    expect(vocabularyList(many).join(', ').length).toBeLessThanOrEqual(600);
  });

  it('OpenAI: hesitations in the prompt (Whisper copies its style), then the job words', () => {
    expect(transcriptionPrompt({ vocabulary: ['CRRT', 'NEWS2'] })).toBe('Umm, let me think, uh... so, like, hmm. We talked about CRRT, NEWS2.');
    expect(transcriptionPrompt(undefined)).toBe('Umm, let me think, uh... so, like, hmm.');
  });

  it('Gemini: verbatim, the language when known, the words, transcript only', () => {
    const instruction = geminiInstruction({ language: 'de', vocabulary: ['Kubernetes'] });
    expect(instruction).toMatch(/verbatim/);
    expect(instruction).toMatch(/language "de"/);
    expect(instruction).toMatch(/spelled like this: Kubernetes\./);
    expect(geminiInstruction({})).not.toMatch(/language "/);
    expect(cleanGeminiText('"I led the team."')).toBe('I led the team.');
    expect(cleanGeminiText('Transcript: um, I led it')).toBe('um, I led it');
    expect(cleanGeminiText('(no speech)')).toBe('');
    expect(cleanGeminiText('[silence]')).toBe('');
  });
});
