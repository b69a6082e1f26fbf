/**
 * The V8 flags the server runs with (`npm start` and the Dockerfile's CMD give the same ones;
 * tests/unit/deploy-files.test.ts checks they agree), so the benchmarks measure what runs.
 *
 * --max-semi-space-size=64: the offline interviewer allocates about 480 KB reading a 300-word
 * answer (most of it wink-nlp's tokens), so with V8's default 16 MB semi-space a young-generation
 * collection fell into one evaluation in 33 and set its p99; at 64 MB it is about one in 140.
 * The young generation only grows that far under allocation pressure (up to ~100 MB more RSS).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
