/**
 * What the interviewer (any provider) is told: the interview's context, the questions asked so
 * far, and a stored question in the planner's terms.
 */
import type { MessageRow } from '../repositories/messages-repository.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import type { AskedQuestion, InterviewContext, QuestionText } from './definitions.js';
import type { Exchange } from './state.js';

/** What the interviewer is told about the candidate and the role. */
export function contextOf(session: SessionRow): InterviewContext {
  return {
    jobTitle: session.jobTitle,
    companyName: session.companyName,
    jobDescription: session.jobDescription,
    cvText: session.cvText ?? '',
    interviewType: session.interviewType,
  };
}

/** The planner's view of a stored question message. */
export function questionOf(message: MessageRow): QuestionText {
  const kind = message.kind === 'follow_up' ? 'follow_up' : (message.questionKind ?? 'behavioral');
  return { text: message.content, kind, focus: message.focus ?? '' };
}

/** Main questions asked so far, with their answers, so the planner never repeats itself. */
export function askedQuestions(exchanges: readonly Exchange[]): AskedQuestion[] {
  return exchanges
    .filter((e) => e.question.kind === 'question')
    .map(({ question, answer }) => ({
      questionNumber: question.questionNumber,
      ...questionOf(question),
      ...(answer ? { answer: answer.content } : {}),
      ...(answer?.evaluation ? { score: answer.evaluation.score } : {}),
      ...(question.bankId ? { bankId: question.bankId } : {}),
      ...(question.difficulty ? { level: question.difficulty } : {}),
    }));
}
