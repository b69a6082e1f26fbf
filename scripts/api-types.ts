/**
 * Writes the TypeScript types of the JSON API (tests/support/api-schema.d.ts) from its OpenAPI
 * document, with openapi-typescript. The typed client test (tests/integration/api-client.test.ts)
 * uses them, and checks that they match the document, so they cannot drift.
 *
 *   npm run api:types
 */
import fs from 'node:fs';
import { apiTypes, API_TYPES_FILE } from '../tests/support/api-types.js';

fs.writeFileSync(API_TYPES_FILE, await apiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
