/**
 * `npm run models:download` (src/models/download.ts, src/models/cli.ts) against a small fake
 * model hub on 127.0.0.1 that speaks the two endpoints the downloader uses — the repository's
 * file list with sizes and SHA-256 (`/api/models/{id}/tree/main`) and the files themselves
 * (`/{id}/resolve/main/{path}`, with HTTP Range) — and can drop a connection half-way through
 * a file, serve corrupted bytes, or not be there at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { runModelsDownload } from '../../src/models/cli.js';
import { DownloadError, downloadModel, whisperSpec } from '../../src/models/download.js';

interface HubFile {
  content: Buffer;
  /** Stored with LFS (listed with a SHA-256), like model weights. */
  lfs: boolean;
}

interface HubRequest {
  path: string;
  range: string | null;
}

/** A fake hub: repositories of files; `dropOnce` cuts the first download of a path half-way. */
async function startFakeHub(repos: Record<string, Record<string, HubFile>>) {
  const requests: HubRequest[] = [];
  const dropOnce = new Set<string>();
  const corrupt = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    requests.push({ path: url.pathname, range: req.headers.range ?? null });
    const tree = /^\/api\/models\/(.+)\/tree\/main$/.exec(url.pathname);
    if (tree) {
      const files = repos[tree[1]!];
      if (!files) return void res.writeHead(404).end('{"error":"Repository not found"}');
      const listing = Object.entries(files).map(([p, f]) => ({
        type: 'file',
        path: p,
        size: f.lfs ? 135 : f.content.length,
        oid: createHash('sha1').update(p).digest('hex'),
        ...(f.lfs ? { lfs: { oid: createHash('sha256').update(f.content).digest('hex'), size: f.content.length, pointerSize: 135 } } : {}),
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify([{ type: 'directory', path: 'onnx', size: 0 }, ...listing]));
    }
    const file = /^\/(.+?\/.+?)\/resolve\/main\/(.+)$/.exec(url.pathname);
    const entry = file ? repos[file[1]!]?.[file[2]!] : undefined;
    if (!entry) return void res.writeHead(404).end('Entry not found');
    let body = corrupt.has(file![2]!) ? Buffer.from(entry.content).fill(7, 0, 16) : entry.content;
    let status = 200;
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range) {
      const from = Number(range[1]);
      if (from >= body.length) return void res.writeHead(416).end();
      headers['content-range'] = `bytes ${from}-${body.length - 1}/${body.length}`;
      body = body.subarray(from);
      status = 206;
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    if (dropOnce.delete(file![2]!)) {
      // Half the bytes, then the connection drops (a flaky link).
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    dropOnce,
    corrupt,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const json = (value: unknown): HubFile => ({ content: Buffer.from(JSON.stringify(value)), lfs: false });
const weights = (bytes: number): HubFile => ({ content: randomBytes(bytes), lfs: true });

function whisperRepo(): Record<string, HubFile> {
  return {
    'config.json': json({ model_type: 'whisper' }),
    'generation_config.json': json({ decoder_start_token_id: 1 }),
    'preprocessor_config.json': json({ feature_size: 80 }),
    'tokenizer.json': json({ model: { type: 'BPE' } }),
    'tokenizer_config.json': json({}),
    'special_tokens_map.json': json({}),
    'onnx/encoder_model_quantized.onnx': weights(300_000),
    'onnx/decoder_model_merged_quantized.onnx': weights(500_000),
    // Not wanted: other weight variants and the README.
    'onnx/encoder_model.onnx': weights(900_000),
    'README.md': { content: Buffer.from('# test'), lfs: false },
  };
}

function embeddingsRepo(): Record<string, HubFile> {
  return {
    'config.json': json({ model_type: 'bert' }),
    'tokenizer.json': json({}),
    'tokenizer_config.json': json({}),
    'vocab.txt': { content: Buffer.from('[PAD]\n[UNK]\n'), lfs: false },
    'onnx/model_quantized.onnx': weights(200_000),
  };
}

describe('npm run models:download', () => {
  let hub: Awaited<ReturnType<typeof startFakeHub>>;
  let repos: Record<string, Record<string, HubFile>>;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-models-'));
    dirs.push(dir);
    return dir;
  };
  const output = () => {
    const lines: string[] = [];
    return { write: (text: string) => void lines.push(text), text: () => lines.join(''), isTTY: false };
  };

  beforeAll(async () => {
    repos = { 'Test/whisper-mini.en': whisperRepo(), 'Test/mini-embeddings': embeddingsRepo() };
    hub = await startFakeHub(repos);
  });
  afterAll(async () => {
    await hub.close();
  });
  afterEach(() => {
    hub.requests.length = 0;
    hub.dropOnce.clear();
    hub.corrupt.clear();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('fetches the files transformers.js loads, resumes a dropped connection, checks them, and skips them the next time', async () => {
    const dir = tempDir();
    const out = output();
    hub.dropOnce.add('onnx/decoder_model_merged_quantized.onnx');
    const result = await downloadModel(whisperSpec('Test/whisper-mini.en', dir), { baseUrl: hub.base, out });
    const folder = path.join(dir, 'Test', 'whisper-mini.en');
    expect(result.folder).toBe(folder);
    expect(result.downloaded.sort()).toEqual(
      ['config.json', 'generation_config.json', 'onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model_quantized.onnx', 'preprocessor_config.json', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json'].sort(),
    );
    for (const file of result.downloaded) expect(fs.readFileSync(path.join(folder, file)).equals(repos['Test/whisper-mini.en']![file]!.content)).toBe(true);
    expect(fs.existsSync(path.join(folder, 'onnx', 'encoder_model.onnx'))).toBe(false);
    expect(fs.existsSync(path.join(folder, 'README.md'))).toBe(false);
    // The dropped file was fetched twice: the second time from where the first stopped.
    const decoder = hub.requests.filter((r) => r.path.endsWith('decoder_model_merged_quantized.onnx'));
    expect(decoder).toHaveLength(2);
    expect(decoder[0]!.range).toBeNull();
    expect(decoder[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(Number(/bytes=(\d+)-/.exec(decoder[1]!.range!)![1])).toBeGreaterThan(0);
    expect(out.text()).toMatch(/decoder_model_merged_quantized\.onnx: interrupted .*resuming/);
    expect(out.text()).toMatch(/onnx\/encoder_model_quantized\.onnx: 100% \(0\.3 MB of 0\.3 MB\)/);
    expect(fs.readdirSync(path.join(folder, 'onnx')).filter((f) => f.endsWith('.part'))).toEqual([]);

    // Again: everything is there and correct, nothing is downloaded.
    hub.requests.length = 0;
    const again = await downloadModel(whisperSpec('Test/whisper-mini.en', dir), { baseUrl: hub.base, out: output() });
    expect(again.downloaded).toEqual([]);
    expect(again.skipped).toHaveLength(8);
    expect(hub.requests.map((r) => r.path)).toEqual(['/api/models/Test/whisper-mini.en/tree/main']);
  });

  it('resumes a file left half-done by an earlier run (Ctrl-C), and replaces a wrong file already in place', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Test', 'whisper-mini.en');
    const encoder = repos['Test/whisper-mini.en']!['onnx/encoder_model_quantized.onnx']!.content;
    fs.mkdirSync(path.join(folder, 'onnx'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'onnx', 'encoder_model_quantized.onnx.part'), encoder.subarray(0, 100_000));
    fs.writeFileSync(path.join(folder, 'onnx', 'decoder_model_merged_quantized.onnx'), Buffer.alloc(500_000)); // right size, wrong bytes
    await downloadModel(whisperSpec('Test/whisper-mini.en', dir), { baseUrl: hub.base, out: output() });
    expect(hub.requests.find((r) => r.path.endsWith('encoder_model_quantized.onnx'))!.range).toBe('bytes=100000-');
    expect(fs.readFileSync(path.join(folder, 'onnx', 'encoder_model_quantized.onnx')).equals(encoder)).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'onnx', 'decoder_model_merged_quantized.onnx')).equals(repos['Test/whisper-mini.en']!['onnx/decoder_model_merged_quantized.onnx']!.content)).toBe(true);
  });

  it('refuses a file whose checksum does not match, and keeps nothing of it', async () => {
    const dir = tempDir();
    hub.corrupt.add('onnx/encoder_model_quantized.onnx');
    const run = downloadModel(whisperSpec('Test/whisper-mini.en', dir), { baseUrl: hub.base, out: output() });
    await expect(run).rejects.toThrow(DownloadError);
    await expect(run).rejects.toThrow(/onnx\/encoder_model_quantized\.onnx: checksum mismatch \(expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}\)/);
    const onnx = path.join(dir, 'Test', 'whisper-mini.en', 'onnx');
    expect(fs.existsSync(path.join(onnx, 'encoder_model_quantized.onnx'))).toBe(false);
    expect(fs.existsSync(path.join(onnx, 'encoder_model_quantized.onnx.part'))).toBe(false);
  });

  it('says clearly what to do when the hub cannot be reached, and when a model is not a usable export', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = tempDir();
    await expect(downloadModel(whisperSpec('Test/whisper-mini.en', dir), { baseUrl: `http://127.0.0.1:${port}`, out: output() })).rejects.toThrow(
      new RegExp(`^Could not reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): this machine seems to have no access to it\\. Run \`npm run models:download\` on a machine that has`),
    );
    await expect(downloadModel(whisperSpec('Test/no-such-model', dir), { baseUrl: hub.base })).rejects.toThrow(/Test\/no-such-model was not found at .* \(404\)/);
    await expect(downloadModel(whisperSpec('Test/mini-embeddings', dir), { baseUrl: hub.base })).rejects.toThrow(/has no generation_config\.json, preprocessor_config\.json, onnx\/encoder_model_quantized\.onnx, onnx\/decoder_model_merged_quantized\.onnx: it is not an ONNX export/);
  });

  it('the command fetches both models into the configured folders (or one with --only), exit code 0; 2 for bad arguments', async () => {
    const dir = tempDir();
    const base = testConfig();
    const config = testConfig({
      modelsBaseUrl: hub.base,
      speech: { ...base.speech, whisperModel: 'Test/whisper-mini.en', whisperModelDir: path.join(dir, 'whisper') },
      coverage: { ...base.coverage, embeddingsModel: 'Test/mini-embeddings', embeddingsModelDir: path.join(dir, 'embeddings') },
    });
    const out = output();
    expect(await runModelsDownload(['--only', 'embeddings'], config, { out })).toBe(0);
    expect(fs.existsSync(path.join(dir, 'embeddings', 'Test', 'mini-embeddings', 'onnx', 'model_quantized.onnx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'whisper'))).toBe(false);
    expect(await runModelsDownload([], config, { out })).toBe(0);
    expect(fs.existsSync(path.join(dir, 'whisper', 'Test', 'whisper-mini.en', 'onnx', 'decoder_model_merged_quantized.onnx'))).toBe(true);
    expect(out.text()).toMatch(/Models are in place/);
    expect(await runModelsDownload(['--only=whatever'], config, { out })).toBe(2);
    const offline = testConfig({ ...config, modelsBaseUrl: 'http://127.0.0.1:1' });
    const failed = output();
    expect(await runModelsDownload([], offline, { out: failed })).toBe(1);
    expect(failed.text()).toMatch(/Could not reach http:\/\/127\.0\.0\.1:1/);
  });
});
