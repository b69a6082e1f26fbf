/** The operator setup token as the app printed it in its (JSON) log, latest first; undefined when none was printed. */
export function setupTokenIn(lines: readonly string[]): string | undefined {
  const last = lines.filter((l) => l.includes('Operator setup token')).at(-1);
  return last ? /Operator setup token: (\S+)/.exec((JSON.parse(last) as { msg: string }).msg)?.[1] : undefined;
}
