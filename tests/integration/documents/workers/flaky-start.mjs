// Test pool worker: fails to start while the file named by REHEARSE_TEST_NO_START exists (as a
// thread does when the process is out of file descriptors and can't open its modules).
import fs from 'node:fs';
import { threadId } from 'node:worker_threads';

if (process.env.REHEARSE_TEST_NO_START && fs.existsSync(process.env.REHEARSE_TEST_NO_START)) {
  throw new Error('EMFILE: too many open files (simulated)');
}

export default function flaky() {
  return { ok: true, threadId };
}
