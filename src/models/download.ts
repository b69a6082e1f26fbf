/**
 * `npm run models:download` (scripts/download-models.ts; in the image `node dist/src/models/cli.js`):
 * fetches the local models — Whisper for captions, the sentence-embedding model for answer
 * coverage — into the folders the app loads them from (<dir>/<owner>/<name>/…), from the
 * Hugging Face hub or a mirror (MODELS_BASE_URL).
 *
 * For each model it reads the repository's file list (sizes, and SHA-256 for large files),
 * downloads only the files transformers.js loads for the chosen weights, into `<file>.part`
 * with HTTP Range so an interrupted download resumes where it stopped (after a dropped
 * connection, at once, a few times; after Ctrl-C, on the next run), checks each file's size
 * and checksum before moving it into place, and skips files already there and correct. A
 * network that is not there gets one clear sentence saying what to do instead.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { codeOf, messageOf } from '../errors.js';

/** A model and the files transformers.js needs from it. */
export interface ModelSpec {
  /** What it is for, in messages ("Whisper (captions)"). */
  label: string;
  /** Hugging Face id, e.g. Xenova/whisper-tiny.en. */
  id: string;
  /** The folder holding <owner>/<name>/ model folders. */
  dir: string;
  /** Files that must be there. */
  required: string[];
  /** Files fetched when the repository has them. */
  optional: string[];
}

const TOKENIZER_EXTRAS = ['special_tokens_map.json', 'added_tokens.json', 'vocab.json', 'merges.txt', 'vocab.txt', 'normalizer.json'];

/** Whisper with the quantized (q8) weights the app loads (whisper-transcriber.ts). */
export function whisperSpec(id: string, dir: string): ModelSpec {
  return {
    label: 'Whisper (captions)',
    id,
    dir,
    required: ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'],
    optional: TOKENIZER_EXTRAS,
  };
}

/** The sentence-embedding model (answer coverage: coverage/embedder.ts), quantized. */
export function embeddingsSpec(id: string, dir: string): ModelSpec {
  return {
    label: 'sentence embeddings (answer coverage)',
    id,
    dir,
    required: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'],
    optional: TOKENIZER_EXTRAS,
  };
}

interface RemoteFile {
  path: string;
  size: number;
  /** SHA-256 of the content, when the hub lists one (files stored with Git LFS: the weights). */
  sha256: string | null;
}

export interface DownloadOptions {
  /** Hub or mirror, e.g. https://huggingface.co. */
  baseUrl: string;
  /** Progress and messages (stderr in the CLI). */
  out?: { write(text: string): void; isTTY?: boolean };
  fetch?: typeof fetch;
  /** Attempts per file after a dropped connection (each resumes). */
  attempts?: number;
  /** No bytes for this long: the attempt is given up (and resumed). */
  stallTimeoutMs?: number;
}

export class DownloadError extends Error {
  override name = 'DownloadError';
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** True for the errors of a network that is not there (DNS, refused, unreachable, reset before a byte). */
function isOffline(error: unknown): boolean {
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  const code = codeOf(cause) ?? codeOf(error) ?? '';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|ECONNRESET/.test(code)) return true;
  // fetch's own wording when no connection could be made at all (a refused port, a proxy…).
  return error instanceof TypeError && error.message === 'fetch failed' && !String(error.cause ?? '').includes('terminated');
}

function offlineMessage(baseUrl: string, error: unknown, spec: ModelSpec): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (messageOf(error));
  // (Listing first means an unreachable host is reported before any file is touched.)
  return (
    `Could not reach ${baseUrl} (${detail}): this machine seems to have no access to it. ` +
    `Run \`npm run models:download\` on a machine that has, then copy ${path.join(spec.dir, ...spec.id.split('/'))} to the same place here; ` +
    `or set MODELS_BASE_URL to a mirror you can reach. The app works without the models: captions and embedding-based coverage stay off.`
  );
}

/** The repository's files with sizes and checksums (the hub's tree API). */
async function listFiles(spec: ModelSpec, options: DownloadOptions): Promise<RemoteFile[]> {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/models/${spec.id}/tree/main?recursive=true`;
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    if (isOffline(error) || (error instanceof Error && error.name === 'TimeoutError')) throw new DownloadError(offlineMessage(options.baseUrl, error, spec));
    throw new DownloadError(`Could not list the files of ${spec.id} at ${url}: ${messageOf(error)}`);
  }
  if (response.status === 404) throw new DownloadError(`${spec.id} was not found at ${options.baseUrl} (404): check the model id (${spec.label}).`);
  if (!response.ok) throw new DownloadError(`Listing ${spec.id} at ${url} failed: HTTP ${response.status}.`);
  const entries = (await response.json()) as Array<{ type?: string; path?: string; size?: number; lfs?: { oid?: string; size?: number } }>;
  return entries
    .filter((e) => e.type === 'file' && typeof e.path === 'string')
    .map((e) => ({ path: e.path!, size: e.lfs?.size ?? e.size ?? 0, sha256: e.lfs?.oid && /^[0-9a-f]{64}$/.test(e.lfs.oid) ? e.lfs.oid : null }));
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await fsp.stat(file)).size;
  } catch {
    return null;
  }
}

/** A file already in place and correct (size, and checksum when known). */
async function alreadyThere(target: string, remote: RemoteFile): Promise<boolean> {
  if ((await sizeOf(target)) !== remote.size) return false;
  return remote.sha256 === null || (await sha256Of(target)) === remote.sha256;
}

class Progress {
  private lastShown = -1;
  private lastLine = 0;
  constructor(
    private readonly out: DownloadOptions['out'],
    private readonly name: string,
    private readonly total: number,
  ) {}

  show(done: number) {
    if (!this.out) return;
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const percent = Math.floor(share * 100);
    if (this.out.isTTY) {
      const now = Date.now();
      if (percent === this.lastShown || (now - this.lastLine < 100 && percent < 100)) return;
      this.lastLine = now;
      const width = 24;
      const filled = Math.round(share * width);
      this.out.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${mb(done)} of ${mb(this.total)}  ${this.name}`);
    } else if (percent >= this.lastShown + 25 || (percent === 100 && this.lastShown < 100)) {
      this.out.write(`  ${this.name}: ${percent}% (${mb(done)} of ${mb(this.total)})\n`);
    } else return;
    this.lastShown = percent;
  }

  end() {
    if (this.out?.isTTY) this.out.write('\n');
  }
}

/** One file into `target`, resuming `target.part`; checks size and checksum, then moves it into place. */
async function downloadFile(url: string, target: string, remote: RemoteFile, options: DownloadOptions): Promise<void> {
  const doFetch = options.fetch ?? fetch;
  const attempts = options.attempts ?? 5;
  const stallMs = options.stallTimeoutMs ?? 60_000;
  const part = `${target}.part`;
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const progress = new Progress(options.out, remote.path, remote.size);
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let have = (await sizeOf(part)) ?? 0;
    if (have > remote.size) {
      await fsp.rm(part, { force: true });
      have = 0;
    }
    if (have === remote.size && remote.size > 0) break;
    const controller = new AbortController();
    let stall: NodeJS.Timeout | undefined;
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => controller.abort(new Error(`no data for ${stallMs / 1000} s`)), stallMs);
    };
    try {
      armStall();
      const response = await doFetch(url, { headers: have > 0 ? { Range: `bytes=${have}-` } : {}, signal: controller.signal, redirect: 'follow' });
      if (response.status === 416 && have > 0) {
        // The server has nothing past what we hold: start the file again.
        await fsp.rm(part, { force: true });
        continue;
      }
      if (!response.ok) throw new DownloadError(`HTTP ${response.status} for ${url}`);
      // 200 to a range request: the server ignored it; start from the beginning.
      const append = have > 0 && response.status === 206;
      if (!append) have = 0;
      const stream = fs.createWriteStream(part, { flags: append ? 'a' : 'w' });
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      try {
        const reader = response.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          armStall();
          have += value.byteLength;
          if (!stream.write(value)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
          progress.show(have);
        }
      } finally {
        stream.end();
        await finished;
      }
      if (have === remote.size) break;
      lastError = new Error(`the connection closed after ${have} of ${remote.size} bytes`);
    } catch (error) {
      if (error instanceof DownloadError) throw error;
      lastError = error;
      if (have === 0 && attempt === 1 && isOffline(error)) throw error;
      options.out?.write(`${options.out.isTTY ? '\n' : ''}  ${remote.path}: interrupted (${messageOf(error)}); resuming…\n`);
    } finally {
      clearTimeout(stall);
    }
  }
  progress.end();
  const size = await sizeOf(part);
  if (size !== remote.size) {
    throw new DownloadError(`${remote.path}: got ${size ?? 0} of ${remote.size} bytes after ${attempts} attempts (${lastError === null ? 'unknown' : messageOf(lastError)}). Run the command again to resume.`);
  }
  if (remote.sha256 !== null) {
    const actual = await sha256Of(part);
    if (actual !== remote.sha256) {
      await fsp.rm(part, { force: true });
      throw new DownloadError(`${remote.path}: checksum mismatch (expected sha256 ${remote.sha256}, got ${actual}). The partial file was removed; run the command again.`);
    }
  }
  await fsp.rename(part, target);
}

export interface ModelResult {
  id: string;
  folder: string;
  downloaded: string[];
  skipped: string[];
}

/** Downloads one model's files into <dir>/<owner>/<name>/; resumable, checked. */
export async function downloadModel(spec: ModelSpec, options: DownloadOptions): Promise<ModelResult> {
  const out = options.out;
  const folder = path.join(spec.dir, ...spec.id.split('/'));
  out?.write(`${spec.label}: ${spec.id} → ${folder}\n`);
  const listing = await listFiles(spec, options);
  const byPath = new Map(listing.map((f) => [f.path, f] as const));
  const missing = spec.required.filter((p) => !byPath.has(p));
  if (missing.length > 0) throw new DownloadError(`${spec.id} has no ${missing.join(', ')}: it is not an ONNX export transformers.js can load (try an onnx-community/ or Xenova/ model).`);
  const wanted = [...spec.required, ...spec.optional.filter((p) => byPath.has(p))].map((p) => byPath.get(p)!);
  const total = wanted.reduce((n, f) => n + f.size, 0);
  out?.write(`  ${wanted.length} files, ${mb(total)}\n`);
  const result: ModelResult = { id: spec.id, folder, downloaded: [], skipped: [] };
  for (const file of wanted) {
    const target = path.join(folder, ...file.path.split('/'));
    if (await alreadyThere(target, file)) {
      result.skipped.push(file.path);
      continue;
    }
    const url = `${options.baseUrl.replace(/\/+$/, '')}/${spec.id}/resolve/main/${file.path}`;
    try {
      await downloadFile(url, target, file, options);
    } catch (error) {
      if (error instanceof DownloadError) throw error;
      if (isOffline(error)) throw new DownloadError(offlineMessage(options.baseUrl, error, spec));
      throw new DownloadError(`${file.path}: ${messageOf(error)}`);
    }
    result.downloaded.push(file.path);
  }
  out?.write(`  done: ${result.downloaded.length} downloaded, ${result.skipped.length} already there\n`);
  return result;
}
