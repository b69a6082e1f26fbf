/**
 * Accounts on top of guest identities. Every visitor starts as a guest (a random id in the
 * encrypted cookie). Registering turns that same `users` row into an account, so the guest
 * keeps every interview. Signing in from a guest moves the guest's interviews into the account
 * (they were made in this browser, by this person) and switches the cookie to the account.
 * Signing out gives the browser a fresh guest identity.
 *
 * Revocation is server-side. Every registration and sign-in creates a sign-in row whose random
 * id goes into the cookie, and each request checks that the row still exists: signing out
 * deletes it, so a copy of the cookie stops working at once (issue 17); "sign out everywhere"
 * and a password change delete all of the account's. The account's auth version, also in the
 * cookie, is bumped by the same events. Emails are normalised (security/emails.ts) and unique.
 * Being an operator is a flag on the account, never a consequence of its email
 * (operator-service.ts).
 */
import { AppError, Errors } from '../errors.js';
import type { AdminUserRow, UserRow, UsersRepository } from '../repositories/users-repository.js';
import {
  burnPasswordCheck,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from '../security/passwords.js';
import { normalizeEmail } from '../security/emails.js';
import type { DataDeletionService } from './data-deletion-service.js';

export interface VisitorIdentity {
  id: string;
  /** Null for a guest. */
  email: string | null;
  isAdmin: boolean;
}

/** What the visitor cookie must hold after a sign-in, registration or password change. */
export interface IssuedIdentity {
  id: string;
  authVersion: number;
  /** The sign-in row this browser holds; deleting it signs this browser out. */
  signInId: string;
}

export interface RegisterForm {
  email?: string | undefined;
  password?: string | undefined;
  password_confirm?: string | undefined;
}
export interface SignInForm {
  email?: string | undefined;
  password?: string | undefined;
}
export interface PasswordForm {
  current_password?: string | undefined;
  new_password?: string | undefined;
  new_password_confirm?: string | undefined;
}
export interface DeleteAccountForm {
  password?: string | undefined;
  confirm?: string | undefined;
}

/** Hooks the route gives sign-in so failed attempts can be counted per account (rate limits). */
export interface SignInGuards {
  beforeCheck(email: string): Promise<void>;
  onFailure(email: string): Promise<void>;
}

export interface AccountServiceDeps {
  users: UsersRepository;
  deletion: DataDeletionService;
  passwordHashCost: number;
  clock: () => Date;
}

const EMAIL_MAX_LENGTH = 254;

const asString = (value: unknown) => (typeof value === 'string' ? value : '');

function emailProblem(email: string): string | null {
  if (!email) return 'Enter your email address.';
  if (email.length > EMAIL_MAX_LENGTH) return `An email address has at most ${EMAIL_MAX_LENGTH} characters.`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter a valid email address, like name@example.com.';
  return null;
}

function newPasswordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters (a few unrelated words make a good one).`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `A password has at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService({ users, deletion, passwordHashCost, clock }: AccountServiceDeps) {
  const identity = (user: Pick<UserRow, 'id' | 'email' | 'operatorSince'>): VisitorIdentity => ({
    id: user.id,
    email: user.email,
    isAdmin: user.email !== null && user.operatorSince !== null,
  });
  const issue = async (id: string, authVersion: number): Promise<IssuedIdentity> => ({ id, authVersion, signInId: await users.createSignIn(id) });

  async function checkPassword(userId: string, password: string): Promise<boolean> {
    const user = await users.findById(userId);
    if (!user?.passwordHash) {
      await burnPasswordCheck(password, passwordHashCost);
      return false;
    }
    return (await verifyPassword(password, user.passwordHash, passwordHashCost)).ok;
  }

  return {
    /**
     * The identity a cookie stands for, or null when the cookie is stale: the account was
     * deleted, this browser (or every browser) was signed out, the password changed since,
     * or it is a guest cookie for a guest who has since registered elsewhere. Records activity
     * at most once a minute; `touched` says it did.
     */
    async resolve(id: string, authVersion: number | null, signInId: string | null): Promise<{ visitor: VisitorIdentity; touched: boolean } | null> {
      const user = await users.findById(id);
      if (!user) return authVersion === null ? { visitor: identity({ id, email: null, operatorSince: null }), touched: false } : null;
      if (user.email === null) {
        if (authVersion !== null) return null;
      } else if (authVersion !== user.authVersion || signInId === null || !(await users.hasSignIn(signInId, id))) {
        return null;
      }
      // The row says when activity was last recorded: within the minute, skip the write.
      const now = clock();
      const recent = user.lastActiveAt !== null && now.getTime() - user.lastActiveAt.getTime() < 60_000;
      const touched = !recent && (await users.touch(id, now));
      return { visitor: identity(user), touched };
    },

    /** Ends this browser's sign-in: the cookie (and any copy of it) stops working. */
    async signOut(visitor: VisitorIdentity, signInId: string | null): Promise<void> {
      if (visitor.email && signInId) await users.endSignIn(signInId, visitor.id);
    },

    /** Ends every sign-in of the account, this browser's included. */
    async signOutEverywhere(visitor: VisitorIdentity): Promise<void> {
      if (!visitor.email || !(await users.endAllSignIns(visitor.id))) throw Errors.notFound();
    },

    async register(visitor: VisitorIdentity, form: RegisterForm): Promise<IssuedIdentity> {
      if (visitor.email) throw Errors.alreadySignedIn(visitor.email);
      const email = normalizeEmail(asString(form.email));
      const password = asString(form.password);
      const fields: Record<string, string> = {};
      const badEmail = emailProblem(email);
      if (badEmail) fields.email = badEmail;
      const badPassword = newPasswordProblem(password);
      if (badPassword) fields.password = badPassword;
      else if (asString(form.password_confirm) !== password) fields.password_confirm = 'The two passwords do not match. Type the same password twice.';
      if (!badEmail && (await users.findByEmail(email))) fields.email = 'There is already an account with this email. Sign in instead.';
      if (Object.keys(fields).length > 0) throw Errors.invalidForm(fields);

      const result = await users.register(visitor.id, email, await hashPassword(password, passwordHashCost));
      if (result === 'email_taken') throw Errors.invalidForm({ email: 'There is already an account with this email. Sign in instead.' });
      if (result === 'not_guest') throw Errors.alreadySignedIn(email);
      return issue(visitor.id, result);
    },

    /** Checks the credentials; a guest's interviews move into the account. */
    async signIn(visitor: VisitorIdentity, form: SignInForm, guards: SignInGuards): Promise<IssuedIdentity & { merged: number }> {
      const email = normalizeEmail(asString(form.email));
      const password = asString(form.password);
      const fields: Record<string, string> = {};
      if (!email) fields.email = 'Enter your email address.';
      if (!password) fields.password = 'Enter your password.';
      if (Object.keys(fields).length > 0) throw Errors.invalidForm(fields);
      if (email.length > EMAIL_MAX_LENGTH || password.length > PASSWORD_MAX_LENGTH) throw Errors.invalidCredentials();

      await guards.beforeCheck(email);
      const user = await users.findByEmail(email);
      if (!user?.passwordHash) {
        await burnPasswordCheck(password, passwordHashCost); // same time as a real check: emails don't leak by timing
        await guards.onFailure(email);
        throw Errors.invalidCredentials();
      }
      const check = await verifyPassword(password, user.passwordHash, passwordHashCost);
      if (!check.ok) {
        await guards.onFailure(email);
        throw Errors.invalidCredentials();
      }
      if (check.needsRehash) await users.setPasswordHash(user.id, await hashPassword(password, passwordHashCost), false);
      const merged = visitor.email === null ? await users.mergeGuestInto(visitor.id, user.id) : 0;
      return { ...(await issue(user.id, user.authVersion)), merged };
    },

    /** Changes the password and signs out every other browser. Returns what this browser's cookie must hold now. */
    async changePassword(visitor: VisitorIdentity, form: PasswordForm): Promise<IssuedIdentity> {
      if (!visitor.email) throw Errors.notFound();
      const current = asString(form.current_password);
      const next = asString(form.new_password);
      const fields: Record<string, string> = {};
      if (!current) fields.current_password = 'Enter your current password.';
      const badPassword = newPasswordProblem(next);
      if (badPassword) fields.new_password = badPassword;
      else if (asString(form.new_password_confirm) !== next) fields.new_password_confirm = 'The two new passwords do not match.';
      if (Object.keys(fields).length > 0) throw Errors.invalidForm(fields);
      if (current.length > PASSWORD_MAX_LENGTH || !(await checkPassword(visitor.id, current))) {
        throw Errors.invalidForm({ current_password: 'That is not your current password.' });
      }
      const version = await users.setPasswordHash(visitor.id, await hashPassword(next, passwordHashCost), true);
      if (version === null) throw Errors.notFound();
      return issue(visitor.id, version);
    },

    /** Deletes the visitor and everything they own. An account confirms with its password, a guest with the button. */
    async deleteAccount(visitor: VisitorIdentity, form: DeleteAccountForm): Promise<void> {
      if (visitor.email) {
        const password = asString(form.password);
        if (!password) throw Errors.invalidForm({ password: 'Enter your password to confirm.' });
        if (password.length > PASSWORD_MAX_LENGTH || !(await checkPassword(visitor.id, password))) {
          throw Errors.invalidForm({ password: 'That is not your password. Nothing was deleted.' });
        }
      } else if (form.confirm !== 'yes') {
        throw Errors.confirmationRequired();
      }
      await deletion.deleteUser(visitor.id);
    },

    listUsers(limit: number): Promise<{ rows: AdminUserRow[]; total: number }> {
      return users.listForAdmin(limit);
    },

    findUser(userId: string): Promise<AdminUserRow | undefined> {
      return users.findForAdmin(userId);
    },

    /** Operator action: deletes another user and all their data. */
    async deleteUserAsAdmin(admin: VisitorIdentity, userId: string): Promise<void> {
      if (!admin.isAdmin) throw Errors.notFound();
      if (userId === admin.id) {
        throw new AppError('CANNOT_DELETE_SELF', 409, 'This is your own account: delete it from your Account page instead.');
      }
      if (!(await deletion.deleteUser(userId))) throw Errors.notFound();
    },
  };
}
