/**
 * `npm run models:download [-- --only whisper|embeddings]`: fetches the local models (Whisper for
 * captions, the sentence-embedding model for answer coverage) into WHISPER_MODEL_DIR and
 * EMBEDDINGS_MODEL_DIR. See src/models/download.ts.
 */
import { loadConfigOrExit } from '../src/config.js';
import { runModelsDownload } from '../src/models/cli.js';

process.exitCode = await runModelsDownload(process.argv.slice(2), loadConfigOrExit());
