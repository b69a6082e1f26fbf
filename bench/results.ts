import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Appends a titled section with the machine, date and command to bench/RESULTS.md. */
export function appendResults(title: string, command: string, lines: string[]): void {
  const file = path.join(import.meta.dirname, 'RESULTS.md');
  if (!fs.existsSync(file)) fs.writeFileSync(file, '# Benchmark results\n\nEach section is appended by the benchmark that measured it.\n');
  const section = resultsSection(title, command, lines);
  fs.appendFileSync(file, section);
  console.log(section);
}

/** The same section, printed only (a short check run whose figures are not results). */
export function printResults(title: string, command: string, lines: string[]): void {
  console.log(resultsSection(`${title} (short check run, not recorded)`, command, lines));
}

function resultsSection(title: string, command: string, lines: string[]): string {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = [
    '',
    `## ${title}`,
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${machine}`,
    `- command: \`${command}\``,
    '',
    ...lines,
    '',
  ].join('\n');
  return section;
}

/** The value at quantile `q` (0..1) of `sorted` (ascending). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
