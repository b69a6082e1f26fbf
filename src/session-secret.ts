import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { codeOf } from './errors.js';

/**
 * The 32-byte key that encrypts and signs the visitor cookie. From SESSION_SECRET when set;
 * otherwise generated once and kept in the data directory, so a restart doesn't turn every
 * visitor into a stranger who can no longer see their interviews.
 */
export function sessionKey(secret: string | null, dataDir: string): Buffer {
  if (secret) return crypto.createHash('sha256').update(secret).digest();
  const file = path.join(dataDir, 'session-secret');
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file, 'utf8').trim()).digest();
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const generated = crypto.randomBytes(32).toString('hex');
  // `wx` fails if another process created the file meanwhile; then read theirs.
  try {
    fs.writeFileSync(file, generated, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
    return sessionKey(null, dataDir);
  }
  return crypto.createHash('sha256').update(generated).digest();
}
