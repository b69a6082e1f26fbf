/**
 * Raw answer recordings, when the operator keeps them (AUDIO_STORE_RAW, voice answers), live
 * under `DATA_DIR/recordings/`. "Delete my data" must remove them too, so the layout is fixed
 * here and shared by the code that writes them and the code that deletes them:
 *
 *   DATA_DIR/recordings/<sessionId>/<anything>          (preferred: one folder per interview)
 *   DATA_DIR/recordings/<sessionId>-<anything>          (also recognised)
 *   DATA_DIR/recordings/<sessionId>.<ext>               (also recognised)
 *
 * Session ids are nanoids of one fixed length, so "<id>-" or "<id>." can never be the start
 * of another session's name. Ids are checked against the nanoid alphabet before they touch a
 * path, and upload file names are never used as paths anywhere.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const RECORDINGS_DIR_NAME = 'recordings';
const SAFE_ID = /^[A-Za-z0-9_-]{8,64}$/;

function recordingsDir(dataDir: string): string {
  return path.join(dataDir, RECORDINGS_DIR_NAME);
}

/** Where a recording of `sessionId` should be written: `<dataDir>/recordings/<sessionId>/<fileName>`. */
export function recordingPath(dataDir: string, sessionId: string, fileName: string): string {
  if (!SAFE_ID.test(sessionId)) throw new Error(`recordingPath: unsafe session id ${JSON.stringify(sessionId)}`);
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(fileName) || fileName.startsWith('.')) {
    throw new Error(`recordingPath: unsafe file name ${JSON.stringify(fileName)}`);
  }
  return path.join(recordingsDir(dataDir), sessionId, fileName);
}

/**
 * Deletes every stored recording of these sessions. Returns how many files or folders were
 * removed. A missing recordings folder is normal (raw audio is off by default).
 */
export async function deleteRecordingFiles(dataDir: string, sessionIds: readonly string[]): Promise<number> {
  const ids = new Set(sessionIds.filter((id) => SAFE_ID.test(id)));
  if (ids.size === 0) return 0;
  const dir = recordingsDir(dataDir);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const entry of entries) {
    const name = entry.name;
    const owner = ids.has(name) ? name : [...ids].find((id) => name.startsWith(`${id}-`) || name.startsWith(`${id}.`));
    if (!owner) continue;
    await fs.rm(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
