/**
 * Backups, for real: the server runs as a child process on a file database and keeps writing
 * (new interviews, answers) while `npm run backup`'s script copies the database. The copy is
 * then restored the documented way — server stopped, file copied into a fresh DATA_DIR — and
 * the restored server has the data, passes /ready, and the file passes integrity_check.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFileName } from '../../src/db/backup.js';
import { HttpVisitor, questionIn, setUpSessionOverHttp } from '../support/http-visitor.js';
import { fixture } from '../support/interview-driver.js';
import { baseServerEnv, PROJECT_ROOT, startServerProcess, TSX, type ServerProcess } from '../support/server-process.js';

function runBackupScript(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts/backup.ts'), ...args], {
      cwd: env.DATA_DIR,
      env: { ...baseServerEnv(), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const cv = { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') };
const job = fixture('job-backend-engineer.txt').toString('utf8');

describe('online backup and restore', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-backup-'));
  const liveDir = path.join(root, 'live');
  const restoredDir = path.join(root, 'restored');
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('copies the database consistently while the app writes, and a restore brings everything back', { timeout: 120_000 }, async () => {
    fs.mkdirSync(liveDir);
    server = await startServerProcess({ env: { DATA_DIR: liveDir } });
    const live = server;

    // Before the backup: one visitor with an interview in progress, two answers given.
    const visitor = new HttpVisitor(live.url);
    const id = await setUpSessionOverHttp(visitor, { cv, job });
    expect((await visitor.post(`/session/${id}/start`)).status).toBe(303);
    const answers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const q = questionIn((await visitor.get(`/session/${id}/interview`)).body)!;
      const answer = `Backed-up answer ${i + 1}: I led the migration to Kubernetes and cut deploy time from 40 to 6 minutes.`;
      expect((await visitor.post(`/session/${id}/message`, { answer, question_id: q.id })).status).toBe(303);
      answers.push(answer);
    }

    const waiting = questionIn((await visitor.get(`/session/${id}/interview`)).body)!;

    // During the backup: other visitors keep creating interviews and answering.
    let writing = true;
    let writes = 0;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      const writer = new HttpVisitor(live.url);
      while (writing) {
        const sid = await setUpSessionOverHttp(writer, { cv, job, jobTitle: `Writer ${w} role ${writes}` });
        await writer.post(`/session/${sid}/start`);
        const q = questionIn((await writer.get(`/session/${sid}/interview`)).body);
        if (q) await writer.post(`/session/${sid}/message`, { answer: 'I shipped it, measured it and fixed what the numbers showed.', question_id: q.id });
        writes++;
      }
    });
    while (writes < 3) await new Promise((r) => setTimeout(r, 10));

    const backup = await runBackupScript({ DATA_DIR: liveDir });
    const writesDuringBackup = writes;
    writing = false;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const report = JSON.parse(backup.stdout.trim().split('\n').at(-1)!) as { file: string; integrity: string; bytes: number };
    expect(report.integrity).toBe('ok');
    expect(path.dirname(report.file)).toBe(path.join(liveDir, 'backups'));
    expect(path.basename(report.file)).toMatch(/^rehearse-\d{8}T\d{6}Z\.db$/);
    expect(path.basename(report.file)).toHaveLength(backupFileName().length);
    expect(fs.existsSync(`${report.file}-wal`)).toBe(false); // one self-contained file
    expect(writes).toBeGreaterThanOrEqual(writesDuringBackup);

    // An explicit destination works too.
    const named = path.join(root, 'named.db');
    expect((await runBackupScript({ DATA_DIR: liveDir }, [named])).code).toBe(0);
    expect(fs.existsSync(named)).toBe(true);
    // …but never overwrites.
    const again = await runBackupScript({ DATA_DIR: liveDir }, [named]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    // Restore, as the README says: stop the server, copy the file into DATA_DIR, start.
    expect((await live.stop('SIGTERM')).code).toBe(0);
    fs.mkdirSync(restoredDir);
    fs.copyFileSync(report.file, path.join(restoredDir, 'rehearse.db'));
    const file = new Database(path.join(restoredDir, 'rehearse.db'), { readonly: true });
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(file.pragma('foreign_key_check')).toEqual([]);
    // Consistent snapshot: every answer's question is there, and seq is gap-free per session.
    expect(file.prepare("select count(*) as n from messages a where a.kind = 'answer' and not exists (select 1 from messages q where q.id = a.reply_to)").get()).toEqual({ n: 0 });
    expect(file.prepare('select count(*) as n from (select session_id from messages group by session_id having max(seq) <> count(*))').get()).toEqual({ n: 0 });
    const sessions = (file.prepare('select count(*) as n from interview_sessions').get() as { n: number }).n;
    file.close();
    expect(sessions).toBeGreaterThanOrEqual(1 + 3);

    server = await startServerProcess({ env: { DATA_DIR: restoredDir } });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    visitor.baseUrl = server.url; // same browser, same cookie (same SESSION_SECRET)
    const page = await visitor.get(`/session/${id}/interview`);
    expect(page.status).toBe(200);
    for (const answer of answers) expect(page.body).toContain(answer);
    expect(questionIn(page.body)).toEqual(waiting); // the same question is waiting
    expect((await server.stop('SIGTERM')).code).toBe(0);
  });
});
