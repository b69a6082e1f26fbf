/**
 * Server paths are for the operator's log, not for visitors. Status texts that reach a
 * response — /health, the voice socket's "ready" message, its caption notices — name the
 * setting instead of the directory it points at (issue 17: /health showed DATA_DIR to anyone),
 * and any other absolute path becomes "[path]". The full paths are logged once at start-up.
 */
import path from 'node:path';

export type PathRedactor = (text: string) => string;

/** An absolute POSIX or Windows path, not part of a URL ("https://…" keeps its slashes). */
const ABSOLUTE_PATH = /(?<![\w:/.])(?:\/|[A-Za-z]:\\)[^\s"'()<>,;]*/g;

/**
 * `dirs`: directories and the variable that sets each, e.g. { WHISPER_MODEL_DIR: '/srv/data/models' }.
 * The most specific (longest) directory is replaced first, so a model folder inside DATA_DIR
 * is named by its own variable.
 */
export function createPathRedactor(dirs: Readonly<Record<string, string>>): PathRedactor {
  const known = Object.entries(dirs)
    .filter(([, dir]) => dir && dir !== path.sep)
    .map(([name, dir]) => [name, path.resolve(dir)] as const)
    .sort((a, b) => b[1].length - a[1].length);
  return (text) => {
    let out = text;
    for (const [name, dir] of known) out = out.split(dir).join(`$${name}`);
    return out.replace(ABSOLUTE_PATH, '[path]');
  };
}
