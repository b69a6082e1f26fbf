/**
 * Starts Rehearse: reads configuration, builds the app, listens, and shuts down gracefully.
 * On SIGTERM/SIGINT it stops accepting connections, lets in-flight requests finish (bounded),
 * closes the database, and exits.
 */
import fs from 'node:fs';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  // A .env file is optional; real environment variables win over it.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const app = await buildApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Rehearse is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (AI: ${app.services.aiProviders.join(' → ')})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
