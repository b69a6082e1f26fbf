/** Postgres URLs for tests (no Vitest here: helpers loaded outside it, by the benchmarks, import this). */

/** `url` with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
