import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../../../src/config.js';
import { createProviders, providerTimeouts } from '../../../src/ai/providers/index.js';

describe('AI configuration', () => {
  it('uses only the offline interviewer when nothing is configured', () => {
    expect(loadConfig({}).aiProviders).toEqual(['offline']);
  });

  it('enables remote providers by default when they have what they need, in a fixed order', () => {
    expect(loadConfig({ GEMINI_API_KEY: 'g' }).aiProviders).toEqual(['gemini', 'offline']);
    expect(loadConfig({ OPENROUTER_API_KEY: 'o' }).aiProviders).toEqual(['openai', 'offline']);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3.1:8b' }).aiProviders).toEqual(['openai', 'offline']);
    expect(loadConfig({ OLLAMA_MODEL: 'qwen2.5:7b' }).aiProviders).toEqual(['ollama', 'offline']);
    expect(loadConfig({ OPENAI_API_KEY: 'o', GEMINI_API_KEY: 'g', OLLAMA_MODEL: 'qwen2.5:7b' }).aiProviders).toEqual(['gemini', 'openai', 'ollama', 'offline']);
  });

  it('does not send an OpenRouter model name to another server: OPENAI_MODEL is required there', () => {
    expect(() => loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1' })).toThrow(/OPENAI_MODEL: required because OPENAI_BASE_URL is http:\/\/localhost:11434\/v1/);
    expect(loadConfig({ OPENROUTER_API_KEY: 'o' }).openai.model).toBe('openai/gpt-4o-mini');
    expect(loadConfig({ OPENAI_API_KEY: 'o', OPENAI_BASE_URL: 'https://api.openai.com/v1' }).openai.model).toBe('gpt-4o-mini');
    expect(() => loadConfig({ AI_PROVIDERS: 'ollama' })).toThrow(/OLLAMA_MODEL: required/);
  });

  it('reads the Ollama settings and per-provider timeouts; a server on this machine gets the longer default', () => {
    const config = loadConfig({ OLLAMA_MODEL: 'qwen2.5:7b', OLLAMA_HOST: 'http://127.0.0.1:11434/', OLLAMA_KEEP_ALIVE: '1h', OPENAI_TIMEOUT_MS: '30000' });
    expect(config.ollama).toEqual({ host: 'http://127.0.0.1:11434', model: 'qwen2.5:7b', keepAlive: '1h', maxContextTokens: 16384, timeoutMs: null });
    expect(config.openai.timeoutMs).toBe(30000);
    expect(providerTimeouts(config, null, 'http://127.0.0.1:11434').attemptMs).toBe(120000);
    expect(providerTimeouts(config, null, 'https://openrouter.ai/api/v1').attemptMs).toBe(12000);
    expect(providerTimeouts(config, 30000, 'https://openrouter.ai/api/v1')).toEqual({ attemptMs: 30000, budgetMs: 45000 });
    expect(() => loadConfig({ OLLAMA_KEEP_ALIVE: 'forever' })).toThrow(/OLLAMA_KEEP_ALIVE/);
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
    const both = { OPENAI_API_KEY: 'openai-key', OPENROUTER_API_KEY: 'router-key', OPENAI_MODEL: 'gpt-4o-mini' };
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
    // Unset: chosen by model (off for Flash, the model's own for Pro: see thinkingBudgetFor).
    expect(loadConfig({}).gemini.thinkingBudget).toBeNull();
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
