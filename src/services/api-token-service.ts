/**
 * Personal API tokens for integrators (/api/v1): made and revoked on the account page, shown
 * once, stored as a hash, each with its scopes (`read`: GET requests; `write`: everything).
 *
 * A token reads `rht.<id>.<secret>`: the id finds the row, the secret is checked against its
 * SHA-256 in constant time. Secrets are 32 random bytes, so a plain hash (not a password hash)
 * is the right tool: there is nothing to brute-force.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';
import { API_SCOPES, type ApiScope } from '../db/schema.js';
import { Errors } from '../errors.js';
import type { ApiTokenSummary, ApiTokensRepository } from '../repositories/api-tokens-repository.js';
import { hasVisibleText } from '../text/visible-text.js';

const TOKEN_PREFIX = 'rht';
/** Most tokens one account may hold (they are cheap to revoke and make again). */
const MAX_TOKENS_PER_ACCOUNT = 20;
const NAME_MAX = 60;
/** lastUsedAt is written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;

export interface ApiIdentity {
  tokenId: string;
  ownerId: string;
  scopes: ApiScope[];
}

export interface NewApiToken {
  /** The whole token: shown once, never stored. */
  token: string;
  summary: ApiTokenSummary;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export type ApiTokenService = ReturnType<typeof createApiTokenService>;

export function createApiTokenService({ tokens, clock }: { tokens: ApiTokensRepository; clock: () => Date }) {
  return {
    /** Makes a token for an account. `scopes` from the form; at least one. */
    async create(userId: string, form: { name?: unknown; scopes?: unknown }): Promise<NewApiToken> {
      const name = typeof form.name === 'string' ? form.name.trim() : '';
      const fields: Record<string, string> = {};
      if (!hasVisibleText(name)) fields.name = 'Give the token a name, so you can tell it apart later.';
      else if (name.length > NAME_MAX) fields.name = `Keep the name under ${NAME_MAX} characters.`;
      const asked = [form.scopes].flat().filter((s): s is string => typeof s === 'string');
      const scopes = API_SCOPES.filter((s) => asked.includes(s));
      if (scopes.length === 0 || asked.some((s) => !API_SCOPES.some((scope) => scope === s))) fields.scopes = 'Choose read, write or both.';
      if (Object.keys(fields).length > 0) throw Errors.invalidForm(fields);
      const id = nanoid(12);
      const secret = randomBytes(32).toString('base64url');
      // The limit is checked in the insert's own transaction: two forms sent at once can't both slip under it.
      const summary = await tokens.create({ id, userId, name, secretHash: sha256(secret).toString('hex'), scopes }, MAX_TOKENS_PER_ACCOUNT);
      if (!summary) throw Errors.tooManyApiTokens(MAX_TOKENS_PER_ACCOUNT);
      return { token: `${TOKEN_PREFIX}.${id}.${secret}`, summary };
    },

    list: (userId: string): Promise<ApiTokenSummary[]> => tokens.listByOwner(userId),

    async revoke(userId: string, tokenId: string): Promise<void> {
      if (!(await tokens.revoke(tokenId, userId))) throw Errors.notFound();
    },

    /**
     * Who a bearer token speaks for, or null when it is malformed, unknown, revoked or wrong.
     * Notes when it was last used (at most once a minute).
     */
    async authenticate(bearer: string): Promise<ApiIdentity | null> {
      const [prefix, id, secret, ...rest] = bearer.split('.');
      if (prefix !== TOKEN_PREFIX || !id || !secret || rest.length > 0) return null;
      const row = await tokens.findById(id);
      if (!row) return null;
      const expected = Buffer.from(row.secretHash, 'hex');
      const given = sha256(secret);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const now = clock();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) await tokens.touch(row.id, now);
      return { tokenId: row.id, ownerId: row.userId, scopes: row.scopes };
    },
  };
}
