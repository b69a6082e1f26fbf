/**
 * "Delete my data": one interview, or a whole user with everything they own. Rows go from the
 * database (interview_sessions, messages and feedback cascade from users — see schema.ts) and
 * stored recordings go from the data directory. Ids are collected before the rows are deleted,
 * so the files can still be found afterwards.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Errors } from '../errors.js';
import type { SessionsRepository } from '../repositories/sessions-repository.js';
import type { UsersRepository } from '../repositories/users-repository.js';
import { deleteRecordingFiles } from '../speech/recording-files.js';

export interface DataDeletionDeps {
  sessions: SessionsRepository;
  users: UsersRepository;
  dataDir: string;
  log: FastifyBaseLogger;
}

export type DataDeletionService = ReturnType<typeof createDataDeletionService>;

export function createDataDeletionService({ sessions, users, dataDir, log }: DataDeletionDeps) {
  async function removeFiles(sessionIds: string[]): Promise<void> {
    try {
      const removed = await deleteRecordingFiles(dataDir, sessionIds);
      if (removed > 0) log.info({ removed }, 'deleted stored recordings');
    } catch (error) {
      // The rows are gone already; a file that could not be removed is an operator problem to see in the log.
      log.error({ err: error }, 'could not delete stored recordings');
    }
  }

  return {
    /** Deletes one of the owner's interviews. Someone else's (or an unknown) id is a 404. */
    async deleteSession(sessionId: string, ownerId: string): Promise<void> {
      if (!(await sessions.deleteOwned(sessionId, ownerId))) throw Errors.sessionNotFound();
      await removeFiles([sessionId]);
    },

    /** Deletes a user and everything they own. Returns false when there was no such user. */
    async deleteUser(userId: string): Promise<boolean> {
      const sessionIds = await sessions.listIdsByOwner(userId);
      const deleted = await users.delete(userId);
      await removeFiles(sessionIds);
      return deleted || sessionIds.length > 0;
    },
  };
}
