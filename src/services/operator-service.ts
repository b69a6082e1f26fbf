/**
 * Who is an operator (may list and delete users on /admin/users), and how one becomes one.
 *
 * Registering never makes anyone an operator — not even with an email listed in ADMIN_EMAILS:
 * there is no email verification, so anyone could register an operator's address before the
 * operator does (issue 17, "operator takeover"). The role is stored on the account
 * (`users.operator_since`) and granted only by someone who can prove access to the server:
 *
 * - `npm run admin -- grant EMAIL` on the server (scripts/admin.ts): for an existing account;
 * - the setup token, printed in the log at start-up while an ADMIN_EMAILS address is not yet
 *   an operator (the way Gitea and Grafana do their first-run set-up): the account with that
 *   address enters it on its Account page. A token works once; the next one is printed if
 *   more listed addresses are still waiting, and a restart replaces it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Errors } from '../errors.js';
import type { UsersRepository } from '../repositories/users-repository.js';
import { normalizeEmail } from '../security/emails.js';
import type { VisitorIdentity } from './account-service.js';

export interface OperatorServiceDeps {
  users: Pick<UsersRepository, 'findByEmail' | 'setOperator'>;
  /** ADMIN_EMAILS, normalised: the accounts that may claim the role with the setup token. */
  adminEmails: readonly string[];
  clock: () => Date;
  /** Prints the setup token for whoever runs the server (the app's log, at warn level). */
  announce: (message: string, details: Record<string, unknown>) => void;
}

export interface OperatorClaimForm {
  setup_token?: string | undefined;
}

export type GrantResult = { kind: 'granted' | 'already'; email: string } | { kind: 'no-account'; email: string };
export type RevokeResult = { kind: 'revoked' | 'not-operator'; email: string } | { kind: 'no-account'; email: string };

/** Makes the account with this email an operator (`npm run admin -- grant`). */
export async function grantOperator(users: Pick<UsersRepository, 'findByEmail' | 'setOperator'>, rawEmail: string, at: Date): Promise<GrantResult> {
  const email = normalizeEmail(rawEmail);
  const user = email ? await users.findByEmail(email) : undefined;
  if (!user) return { kind: 'no-account', email };
  if (user.operatorSince) return { kind: 'already', email };
  await users.setOperator(user.id, at);
  return { kind: 'granted', email };
}

/** Takes the role away again (`npm run admin -- revoke`); takes effect on the account's next request. */
export async function revokeOperator(users: Pick<UsersRepository, 'findByEmail' | 'setOperator'>, rawEmail: string): Promise<RevokeResult> {
  const email = normalizeEmail(rawEmail);
  const user = email ? await users.findByEmail(email) : undefined;
  if (!user) return { kind: 'no-account', email };
  if (!user.operatorSince) return { kind: 'not-operator', email };
  await users.setOperator(user.id, null);
  return { kind: 'revoked', email };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export type OperatorService = ReturnType<typeof createOperatorService>;

export function createOperatorService({ users, adminEmails, clock, announce }: OperatorServiceDeps) {
  const listed = new Set(adminEmails.map(normalizeEmail));
  let token: Buffer | null = null;

  const waiting = async () => {
    const pending: string[] = [];
    for (const email of listed) if (!(await users.findByEmail(email))?.operatorSince) pending.push(email);
    return pending;
  };

  /** A fresh token while a listed address is not an operator yet; none otherwise. */
  async function issueToken(): Promise<void> {
    const pending = await waiting();
    if (pending.length === 0) {
      token = null;
      return;
    }
    const value = randomBytes(24).toString('base64url');
    token = digest(value);
    announce(
      `Operator setup token: ${value} — sign in as ${pending.join(' or ')} and enter it on /account to become an operator ` +
        '(it works once, until the server restarts). Or run on the server: npm run admin -- grant EMAIL',
      { waitingForOperators: pending },
    );
  }

  /** True when this visitor may claim the operator role with the setup token. */
  function canClaim(visitor: VisitorIdentity): boolean {
    return visitor.email !== null && !visitor.isAdmin && listed.has(visitor.email);
  }

  return {
    /** Called once the app is ready: prints the first token if anyone is waiting for one. */
    start: issueToken,

    canClaim,

    /** Grants the role to a listed account that presents the current setup token. */
    async claim(visitor: VisitorIdentity, form: OperatorClaimForm): Promise<void> {
      // To anyone else the form does not exist, like the operator's pages themselves.
      if (!canClaim(visitor)) throw Errors.notFound();
      const presented = typeof form.setup_token === 'string' ? form.setup_token.trim() : '';
      if (!presented) throw Errors.invalidForm({ setup_token: 'Enter the setup token from the server log.' });
      const ok = token !== null && presented.length <= 200 && timingSafeEqual(digest(presented), token);
      if (!ok) {
        throw Errors.invalidForm({
          setup_token: 'That is not the current setup token. Copy the latest one from the server log (a restart prints a new one).',
        });
      }
      // Used up before the first await: a second claim with the same token, arriving while this
      // one writes, finds no token (it works once).
      const presentedToken = token;
      token = null;
      let granted = false;
      try {
        granted = await users.setOperator(visitor.id, clock());
      } finally {
        // Not granted (the account is gone, or the write failed): the token still works.
        if (!granted) token = presentedToken;
      }
      if (!granted) throw Errors.notFound();
      await issueToken();
    },
  };
}
