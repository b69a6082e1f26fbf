/**
 * `npm run backup [-- <file>]`: a consistent online backup of the SQLite database, safe while
 * the app is running (see src/db/backup.ts; the README's "Backups and restore" explains
 * restoring). In the container image the same code is `node dist/src/db/backup.js [<file>]`.
 */
import { runBackupCli } from '../src/db/backup.js';

process.exitCode = await runBackupCli(process.argv.slice(2));
