import { checkProviderSettings, isLocalUrl, type AppConfig } from '../../config.js';
import type { CoverageScorer } from '../../coverage/index.js';
import type { ProviderTimeouts } from '../remote-provider.js';
import type { AiProvider } from '../types.js';
import { createGeminiProvider } from './gemini.js';
import { createOfflineProvider } from './offline.js';
import { createOllamaProvider } from './ollama.js';
import { createOpenAiCompatibleProvider } from './openai-compatible.js';

/**
 * A provider's timeouts: its own *_TIMEOUT_MS, else AI_LOCAL_TIMEOUT_MS for a server on this
 * machine (a CPU model is slow but worth the wait: nobody else would answer better) or
 * AI_ATTEMPT_TIMEOUT_MS for a hosted API. The call budget leaves room for a repair.
 */
export function providerTimeouts(config: AppConfig, explicitMs: number | null, baseUrl: string | null): ProviderTimeouts {
  const { attemptTimeoutMs, localAttemptTimeoutMs, callBudgetMs } = config.aiResilience;
  const attemptMs = explicitMs ?? (baseUrl && isLocalUrl(baseUrl) ? localAttemptTimeoutMs : attemptTimeoutMs);
  return { attemptMs, budgetMs: Math.max(callBudgetMs, Math.round(attemptMs * 1.5)) };
}

export interface ProviderDeps {
  /** The offline interviewer's key-point coverage (embeddings when installed, lexical otherwise). */
  coverage?: Pick<CoverageScorer, 'score'>;
}

/** The provider chain named by AI_PROVIDERS, in order; the offline interviewer is always last. */
export function createProviders(config: AppConfig, deps: ProviderDeps = {}): AiProvider[] {
  checkProviderSettings(config);
  return config.aiProviders.map((name) => {
    switch (name) {
      case 'gemini':
        return createGeminiProvider({
          apiKey: config.gemini.apiKey!,
          model: config.gemini.model,
          baseUrl: config.gemini.baseUrl,
          thinkingBudget: config.gemini.thinkingBudget,
          promptLimits: config.aiPromptLimits,
          timeouts: providerTimeouts(config, config.gemini.timeoutMs, config.gemini.baseUrl),
        });
      case 'openai':
        return createOpenAiCompatibleProvider({
          apiKey: config.openai.apiKey,
          apiKeyVariable: config.openai.apiKeyVariable,
          baseUrl: config.openai.baseUrl,
          model: config.openai.model,
          jsonMode: config.openai.jsonMode,
          promptLimits: config.aiPromptLimits,
          timeouts: providerTimeouts(config, config.openai.timeoutMs, config.openai.baseUrl),
          appUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
        });
      case 'ollama':
        return createOllamaProvider({
          host: config.ollama.host,
          model: config.ollama.model!,
          keepAlive: config.ollama.keepAlive,
          maxContextTokens: config.ollama.maxContextTokens,
          promptLimits: config.aiPromptLimits,
          timeouts: providerTimeouts(config, config.ollama.timeoutMs, config.ollama.host),
        });
      case 'offline':
        return createOfflineProvider({ referenceYear: new Date().getUTCFullYear(), ...(deps.coverage ? { coverage: deps.coverage } : {}) });
      default:
        throw new Error(`Unknown AI provider "${name}"`);
    }
  });
}
