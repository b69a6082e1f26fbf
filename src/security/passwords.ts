/**
 * Password hashing with scrypt from node:crypto: a random 16-byte salt per password, the cost
 * parameters stored with the hash (so they can be raised later without breaking old hashes),
 * and a constant-time comparison. scrypt runs on libuv's thread pool, never on the event loop.
 *
 * Stored form: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` with base64url salt and hash.
 */
import crypto from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; bounds the work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 256;

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

interface ScryptParams {
  cost: number;
  blockSize: number;
  parallelization: number;
}

function scrypt(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.cost;
  // scrypt needs 128·N·r bytes; Node refuses anything above maxmem (32 MiB by default).
  const maxmem = 128 * N * params.blockSize * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N, r: params.blockSize, p: params.parallelization, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const params = { cost, blockSize: BLOCK_SIZE, parallelization: PARALLELISM };
  const key = await scrypt(password, salt, KEY_LENGTH, params);
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [cost, blockSize, parallelization] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a tampered row from asking for absurd amounts of memory or time.
  if (!Number.isInteger(cost) || cost < 10 || cost > 20) return null;
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 32) return null;
  if (!Number.isInteger(parallelization) || parallelization < 1 || parallelization > 16) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 16 || key.length < 16) return null;
  return { cost, blockSize, parallelization, salt, key };
}

export interface VerifyResult {
  ok: boolean;
  /** True when the hash was made with weaker parameters than `cost`: store a fresh one. */
  needsRehash: boolean;
}

/** Checks `password` against a stored hash. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string, cost: number): Promise<VerifyResult> {
  const parsed = parseHash(stored);
  if (!parsed) {
    await burnPasswordCheck(password, cost);
    return { ok: false, needsRehash: false };
  }
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed);
  const ok = key.length === parsed.key.length && crypto.timingSafeEqual(key, parsed.key);
  const weaker = parsed.cost < cost || parsed.blockSize < BLOCK_SIZE || parsed.parallelization < PARALLELISM;
  return { ok, needsRehash: ok && weaker };
}

/**
 * Does the work of a password check that can't succeed (unknown email), so the response takes
 * as long as for a known one and timing doesn't reveal which emails have accounts.
 */
export async function burnPasswordCheck(password: string, cost: number): Promise<void> {
  await scrypt(password, crypto.randomBytes(SALT_LENGTH), KEY_LENGTH, { cost, blockSize: BLOCK_SIZE, parallelization: PARALLELISM });
}
