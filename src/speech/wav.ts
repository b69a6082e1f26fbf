/**
 * Minimal WAV (RIFF, PCM16) reading and writing: tests and benchmarks read fixtures, and the
 * operator can ask for raw recordings to be kept (AUDIO_STORE_RAW) as playable files.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';

export interface Pcm16Wav {
  sampleRate: number;
  channels: number;
  /** The raw little-endian PCM16 bytes of the `data` chunk. */
  data: Buffer;
}

/** Parses a PCM16 WAV file's bytes; throws on anything else. */
export function parseWav(bytes: Buffer): Pcm16Wav {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('Not a RIFF/WAVE file');
  }
  let fmt: { format: number; channels: number; sampleRate: number; bits: number } | null = null;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = {
        format: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bits: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before its fmt chunk');
      // 1 = PCM; 0xFFFE = WAVE_FORMAT_EXTENSIBLE (PCM in practice for 16-bit files).
      if ((fmt.format !== 1 && fmt.format !== 0xfffe) || fmt.bits !== 16) throw new Error('Only 16-bit PCM WAV is supported');
      const end = Math.min(bytes.length, body + size);
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, data: bytes.subarray(body, end - ((end - body) % 2)) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

export function readWav(file: string): Pcm16Wav {
  return parseWav(fs.readFileSync(file));
}

function header(dataBytes: number, sampleRate: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** Whole mono PCM16 WAV file from raw samples. */
export function encodeWav(pcm: Buffer, sampleRate: number): Buffer {
  return Buffer.concat([header(pcm.length, sampleRate), pcm]);
}

/**
 * Streams mono PCM16 into a WAV file: a placeholder header first, the sizes patched in when
 * it is closed. Writes are asynchronous and buffered by the stream; errors are reported to
 * `onError` once and further writes are ignored.
 */
export class WavFileWriter {
  private readonly stream: fs.WriteStream;
  private bytes = 0;
  private failed = false;

  constructor(
    readonly file: string,
    private readonly sampleRate: number,
    private readonly onError: (error: Error) => void,
  ) {
    this.stream = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.stream.on('error', (error) => this.fail(error));
    this.stream.write(header(0, sampleRate));
  }

  write(pcm: Uint8Array): void {
    if (this.failed) return;
    this.bytes += pcm.byteLength;
    this.stream.write(Buffer.from(pcm));
  }

  async close(): Promise<void> {
    if (this.failed) return;
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failed) return;
    try {
      const handle = await fsp.open(this.file, 'r+');
      try {
        await handle.write(header(this.bytes, this.sampleRate), 0, 44, 0);
      } finally {
        await handle.close();
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.onError(error);
  }
}
