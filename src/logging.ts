/**
 * Logger options for Fastify (pino). Production logs are JSON, one object per line, with the
 * request id (`reqId`) on every line logged during a request. `LOG_FORMAT=pretty` (what
 * `npm run dev` sets) prints them for humans through pino-pretty, a development dependency:
 * where it is not installed (the production image) the logs stay JSON and say why.
 */
import type { FastifyServerOptions } from 'fastify';
import type { AppConfig } from './config.js';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Secrets never reach the logs, whatever the level. */
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export async function loggerOptions(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  stream?: { write(line: string): void },
): Promise<LoggerOptions> {
  const base = { level: config.logLevel, redact: REDACT };
  if (stream) return { ...base, stream };
  if (config.logFormat === 'pretty') {
    try {
      const { default: pretty } = await import('pino-pretty');
      return {
        ...base,
        // Synchronous, in this thread: lines stay in order with anything else written to the terminal.
        stream: pretty({ sync: true, colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }),
      };
    } catch {
      process.stderr.write('LOG_FORMAT=pretty needs pino-pretty (a development dependency); logging JSON instead.\n');
    }
  }
  return base;
}
