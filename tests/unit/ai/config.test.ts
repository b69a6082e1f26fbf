import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../../../src/config.js';
import { createProviders } from '../../../src/ai/providers/index.js';

describe('AI configuration', () => {
  it('uses only the offline interviewer when nothing is configured', () => {
    expect(loadConfig({}).aiProviders).toEqual(['offline']);
  });

  it('enables remote providers by default when they have what they need, in a fixed order', () => {
    expect(loadConfig({ GEMINI_API_KEY: 'g' }).aiProviders).toEqual(['gemini', 'offline']);
    expect(loadConfig({ OPENROUTER_API_KEY: 'o' }).aiProviders).toEqual(['openai', 'offline']);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1' }).aiProviders).toEqual(['openai', 'offline']);
    expect(loadConfig({ OPENAI_API_KEY: 'o', GEMINI_API_KEY: 'g' }).aiProviders).toEqual(['gemini', 'openai', 'offline']);
  });

  it('follows AI_PROVIDERS when set, always ending with offline', () => {
    expect(loadConfig({ AI_PROVIDERS: 'openai,gemini', GEMINI_API_KEY: 'g', OPENAI_API_KEY: 'o' }).aiProviders).toEqual([
      'openai',
      'gemini',
      'offline',
    ]);
    expect(loadConfig({ AI_PROVIDERS: 'offline', GEMINI_API_KEY: 'g' }).aiProviders).toEqual(['offline']);
  });

  it('names the missing variable when a provider is named without its key', () => {
    expect(() => loadConfig({ AI_PROVIDERS: 'gemini' })).toThrow(ConfigError);
    expect(() => loadConfig({ AI_PROVIDERS: 'gemini' })).toThrow(/GEMINI_API_KEY/);
    expect(() => loadConfig({ AI_PROVIDERS: 'openai' })).toThrow(/OPENROUTER_API_KEY/);
    expect(() => loadConfig({ AI_PROVIDERS: 'openai', OPENAI_BASE_URL: 'https://api.openai.com/v1' })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadConfig({ AI_PROVIDERS: 'claude' })).toThrow(/unknown provider "claude"/);
  });

  it('needs no key for a local OpenAI-compatible server', () => {
    const config = loadConfig({ AI_PROVIDERS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.2' });
    expect(config.openai).toMatchObject({ apiKey: null, baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', jsonMode: 'schema' });
  });

  it('picks the key variable that matches the base URL', () => {
    const both = { OPENAI_API_KEY: 'openai-key', OPENROUTER_API_KEY: 'router-key' };
    expect(loadConfig(both).openai).toMatchObject({ apiKey: 'router-key', apiKeyVariable: 'OPENROUTER_API_KEY' });
    expect(loadConfig({ ...both, OPENAI_BASE_URL: 'https://api.openai.com/v1' }).openai).toMatchObject({
      apiKey: 'openai-key',
      apiKeyVariable: 'OPENAI_API_KEY',
    });
  });

  it('validates the new variables', () => {
    expect(() => loadConfig({ OPENAI_JSON_MODE: 'xml' })).toThrow(/OPENAI_JSON_MODE/);
    expect(() => loadConfig({ GEMINI_BASE_URL: 'ftp://x' })).toThrow(/GEMINI_BASE_URL/);
    expect(() => loadConfig({ AI_ATTEMPT_TIMEOUT_MS: '5' })).toThrow(/AI_ATTEMPT_TIMEOUT_MS/);
    const config = loadConfig({ GEMINI_THINKING_BUDGET: '512', AI_MAX_RETRIES: '4', AI_CV_MAX_CHARS: '3000' });
    expect(config.gemini.thinkingBudget).toBe(512);
    expect(config.aiResilience.maxRetries).toBe(4);
    expect(config.aiPromptLimits.cvChars).toBe(3000);
  });

  it('refuses to build a provider chain whose remote provider lacks its key', () => {
    expect(() => createProviders(testConfig({ aiProviders: ['gemini', 'offline'] }))).toThrow(/GEMINI_API_KEY/);
  });

  it('keeps tests off the internet: remote base URLs in testConfig are local', () => {
    const config = testConfig();
    expect(config.aiProviders).toEqual(['offline']);
    expect(config.gemini.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1/);
    expect(config.openai.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1/);
  });
});
