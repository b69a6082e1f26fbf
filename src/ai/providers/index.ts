import { checkProviderSettings, type AppConfig } from '../../config.js';
import type { AiProvider } from '../types.js';
import { createGeminiProvider } from './gemini.js';
import { createOfflineProvider } from './offline.js';
import { createOpenAiCompatibleProvider } from './openai-compatible.js';

/** The provider chain named by AI_PROVIDERS, in order; the offline interviewer is always last. */
export function createProviders(config: AppConfig): AiProvider[] {
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
        });
      case 'openai':
        return createOpenAiCompatibleProvider({
          apiKey: config.openai.apiKey,
          apiKeyVariable: config.openai.apiKeyVariable,
          baseUrl: config.openai.baseUrl,
          model: config.openai.model,
          jsonMode: config.openai.jsonMode,
          promptLimits: config.aiPromptLimits,
        });
      case 'offline':
        return createOfflineProvider({ referenceYear: new Date().getUTCFullYear() });
      default:
        throw new Error(`Unknown AI provider "${name}"`);
    }
  });
}
