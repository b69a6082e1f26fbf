import { describe, expect, it } from 'vitest';
import { fileDescriptorLimit, resolveMaxConnections } from '../../../src/connection-limits.js';
import { ConfigError, loadConfig } from '../../../src/config.js';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 1048576              files
Max locked memory         8388608              8388608              bytes
`;

describe('connection limits', () => {
  it('reads the soft descriptor limit, or null where it cannot', () => {
    expect(fileDescriptorLimit(() => LIMITS)).toBe(1024);
    expect(fileDescriptorLimit(() => LIMITS.replace('1024 ', 'unlimited '))).toBeNull();
    expect(fileDescriptorLimit(() => {
      throw new Error('ENOENT');
    })).toBeNull();
  });

  it('MAX_CONNECTIONS=auto leaves descriptors for the process itself', () => {
    expect(resolveMaxConnections('auto', 256)).toBe(192);
    expect(resolveMaxConnections('auto', 1024)).toBe(768);
    expect(resolveMaxConnections('auto', 100)).toBe(36);
    expect(resolveMaxConnections('auto', 20)).toBe(16);
    expect(resolveMaxConnections('auto', null)).toBe(0);
    expect(resolveMaxConnections(500, 256)).toBe(500);
  });

  it('is configured by variables whose bad values are named', () => {
    const defaults = loadConfig({}).connections;
    expect(defaults).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 10_000, idleTimeoutMs: 120_000, maxConnections: 'auto', maxPerAddress: 64 });
    expect(loadConfig({ MAX_CONNECTIONS: '5000', MAX_CONNECTIONS_PER_ADDRESS: '0' }).connections).toMatchObject({ maxConnections: 5000, maxPerAddress: 0 });
    // Behind a proxy every connection comes from the proxy: no per-address cap unless asked for.
    expect(loadConfig({ TRUST_PROXY: '1' }).connections.maxPerAddress).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1', MAX_CONNECTIONS_PER_ADDRESS: '500' }).connections.maxPerAddress).toBe(500);
    expect(() => loadConfig({ MAX_CONNECTIONS: 'lots' })).toThrow(/MAX_CONNECTIONS/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '30000', REQUEST_TIMEOUT_MS: '20000' })).toThrow(ConfigError);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '30000', REQUEST_TIMEOUT_MS: '20000' })).toThrow(/HEADERS_TIMEOUT_MS/);
    expect(() => loadConfig({ AUDIO_START_TIMEOUT_SECONDS: '0' })).toThrow(/AUDIO_START_TIMEOUT_SECONDS/);
    expect(loadConfig({ AUDIO_IDLE_TIMEOUT_SECONDS: '30' }).speech.idleTimeoutMs).toBe(30_000);
  });

  it('reads the document parsing limits, naming a bad value', () => {
    expect(loadConfig({})).toMatchObject({ documentMaxPerVisitor: 2, documentMaxPages: 30, documentWorkerMaxJobs: 50, documentWorkerRecycleMb: 64, documentWarmStart: true });
    expect(loadConfig({ DOCUMENT_MAX_PAGES: '100', DOCUMENT_MAX_PER_VISITOR: '0' })).toMatchObject({ documentMaxPages: 100, documentMaxPerVisitor: 0 });
    expect(() => loadConfig({ DOCUMENT_MAX_PAGES: '0' })).toThrow(/DOCUMENT_MAX_PAGES/);
    expect(() => loadConfig({ DOCUMENT_WORKER_RECYCLE_MB: 'lots' })).toThrow(/DOCUMENT_WORKER_RECYCLE_MB/);
  });
});
