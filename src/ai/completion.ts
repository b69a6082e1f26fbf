/**
 * One request to a chat model and its reply, independent of any SDK: what the AI client,
 * the structured-output reader and every transport pass between them.
 */
import type { TSchema } from '@sinclair/typebox';
import type { IntentName } from './intents.js';

interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One request to a chat model, independent of any SDK. */
export interface CompletionRequest {
  intent: IntentName;
  /** Name of the response schema, e.g. "answer_evaluation". */
  schemaName: string;
  schema: TSchema;
  system: string;
  messages: ChatMessage[];
  temperature: number;
  /** Longest reply, in tokens. */
  maxOutputTokens: number;
  /** True for the one request that asks the model to fix an invalid reply. */
  repair?: boolean;
  /**
   * Called with the whole text so far each time more arrives. When set, the transport streams
   * the reply; without it, it may wait for the whole reply in one response.
   */
  onText?: (textSoFar: string) => void;
}

/** The model's text and whether it stopped at the length limit (finish reason "length" / MAX_TOKENS). */
export interface CompletionResult {
  text: string;
  truncated?: boolean;
}
