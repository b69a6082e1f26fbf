/**
 * Starts Rehearse: reads configuration, builds the app, listens, and shuts down gracefully.
 * On SIGTERM/SIGINT it stops being ready, closes WebSockets with 1001, stops accepting
 * connections, lets in-flight requests finish (bounded by SHUTDOWN_GRACE_MS), closes the
 * database, and exits 0 (1 if the grace period ran out).
 */
import { buildApp } from './app.js';
import { loadConfigOrExit } from './config.js';
import { isAppError } from './errors.js';
import { gracefulClose } from './operations.js';

async function main() {
  const config = loadConfigOrExit();
  const app = await buildApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    timer.unref();
    gracefulClose(app).then(
      () => {
        app.log.info('shut down cleanly');
        process.exit(0);
      },
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
  // Ours (e.g. DATABASE_NOT_MIGRATED) say what to do: the message is the whole story.
  console.error(isAppError(error) ? `${error.code}: ${error.message}` : error);
  process.exit(1);
});
