/**
 * The account pages' data: titles, the password rule shown beside the field, and what a form
 * sends back after a refusal (the email typed, never a password). Routes read the session and
 * call the services; these functions only arrange what they got.
 */
import type { AppError } from '../errors.js';
import type { ApiTokenSummary } from '../repositories/api-tokens-repository.js';
import { PASSWORD_MIN_LENGTH } from '../security/passwords.js';
import type { VisitorIdentity } from '../services/account-service.js';

export const ACCOUNT_TITLES = {
  register: 'Create an account',
  login: 'Sign in',
  account: 'Your account',
  delete: 'Delete all my data',
} as const;

/** Only the email is ever sent back into a form; passwords never are. */
export const keepEmail = (form: { email?: string | undefined }) => ({ email: (form.email ?? '').slice(0, 300) });

export interface AccountFacts {
  visitor: VisitorIdentity;
  /** Whether the operator claim (setup token) form is offered. */
  operatorClaim: boolean;
  apiTokens: ApiTokenSummary[];
  /** A token made just now, shown once. */
  newApiToken: string | null;
}

/** What the account page shows: the visitor, the operator claim, their API tokens (and one just made, once). */
export function accountPageData(facts: AccountFacts) {
  return {
    title: ACCOUNT_TITLES.account,
    account: facts.visitor,
    passwordMin: PASSWORD_MIN_LENGTH,
    operatorClaim: facts.operatorClaim,
    apiTokens: facts.apiTokens,
    newApiToken: facts.newApiToken,
  };
}

/** The registration and sign-in pages as they first open (the sign-in page shows no password rule). */
export const registerPageData = () => ({ title: ACCOUNT_TITLES.register, values: {}, passwordMin: PASSWORD_MIN_LENGTH });
export const loginPageData = () => ({ title: ACCOUNT_TITLES.login, values: {} });
export const deletePageData = (visitor: VisitorIdentity) => ({ title: ACCOUNT_TITLES.delete, account: visitor });

/** An account form refused: the page again, with a message per field and whatever else it shows. */
export function accountFormErrorData(title: string, error: AppError, extra: Record<string, unknown> = {}) {
  return { title, error, fieldErrors: error.fields, passwordMin: PASSWORD_MIN_LENGTH, ...extra };
}
