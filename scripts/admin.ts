/**
 * `npm run admin -- grant EMAIL | revoke EMAIL | list`: the operator role, for whoever runs the
 * server (see src/admin.ts). In the container image the same code is `node dist/src/admin.js`.
 */
import { runAdminCli } from '../src/admin.js';

process.exitCode = await runAdminCli(process.argv.slice(2));
