/** The `code` of a Node error (ERR_WORKER_OUT_OF_MEMORY, MODULE_NOT_FOUND…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
