/**
 * A slow model the test controls: the offline interviewer, but each kind of call can be held
 * at a gate until the test opens it — the model "thinks" for exactly as long as the test needs
 * (to delete the interview, press Start, sign in…) with no timers involved.
 */
import { createOfflineProvider } from '../../src/ai/providers/offline.js';
import type { AiProvider } from '../../src/ai/types.js';

export type GatedCall = 'planQuestion' | 'nextTurn' | 'evaluateAnswer' | 'summarizeInterview';

export interface GatedProvider {
  provider: AiProvider;
  /** From now on, calls of this kind wait at the gate. */
  hold(call: GatedCall): void;
  /** Lets every waiting call of this kind through, and later ones pass freely. */
  release(call: GatedCall): void;
  /** How many calls of this kind are waiting at the gate. */
  waiting(call: GatedCall): number;
  /** Resolves once `count` calls of this kind wait at the gate. */
  arrived(call: GatedCall, count?: number): Promise<void>;
}

export function gatedProvider(base: AiProvider = createOfflineProvider()): GatedProvider {
  const held = new Set<GatedCall>();
  const queues: Record<GatedCall, Array<() => void>> = { planQuestion: [], nextTurn: [], evaluateAnswer: [], summarizeInterview: [] };
  const watchers: Array<() => void> = [];

  async function gate(call: GatedCall): Promise<void> {
    if (!held.has(call)) return;
    const passed = new Promise<void>((resolve) => queues[call].push(resolve));
    for (const notify of watchers.splice(0)) notify();
    await passed;
  }

  const provider: AiProvider = {
    name: 'gated',
    async planQuestion(input, signal) {
      await gate('planQuestion');
      return base.planQuestion(input, signal);
    },
    async evaluateAnswer(input, signal) {
      await gate('evaluateAnswer');
      return base.evaluateAnswer(input, signal);
    },
    async summarizeInterview(input, signal) {
      await gate('summarizeInterview');
      return base.summarizeInterview(input, signal);
    },
    async nextTurn(input, signal) {
      await gate('nextTurn');
      return base.nextTurn(input, signal);
    },
  };

  return {
    provider,
    hold: (call) => void held.add(call),
    release(call) {
      held.delete(call);
      for (const pass of queues[call].splice(0)) pass();
    },
    waiting: (call) => queues[call].length,
    async arrived(call, count = 1) {
      while (queues[call].length < count) await new Promise<void>((resolve) => watchers.push(resolve));
    },
  };
}
