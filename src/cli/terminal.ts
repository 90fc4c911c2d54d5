import { appendFileSync } from 'node:fs';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { ReportInput } from '../report/report-input.js';
import { tryGit } from '../git/git.js';
import { reporters } from '../report/reporters.js';

/** Colour on a TTY unless NO_COLOR is set; FORCE_COLOR forces it. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Parses `--reporter name` / `--reporter name:file` values; unknown names are usage errors. */
export function parseReporterSpecs(specs: readonly string[]): Array<{ name: string; file?: string }> {
  const parsed = (specs.length === 0 ? ['text'] : specs).map((spec) => {
    const colon = spec.indexOf(':');
    return colon === -1 ? { name: spec } : { name: spec.slice(0, colon), file: spec.slice(colon + 1) };
  });
  for (const { name } of parsed) {
    if (!(name in reporters)) throw new UsageError(`--reporter ${name}: unknown reporter (known: ${Object.keys(reporters).join(', ')})`);
  }
  return parsed;
}

/**
 * Writes each reporter's output to its file, or to stdout. Under GitHub Actions the github
 * reporter also appends the table of all findings to the step summary, since annotations are capped.
 */
export async function writeReports(input: ReportInput, specs: Array<{ name: string; file?: string }>, cwd: string): Promise<void> {
  // CI tools resolve paths from the repository's top, which may be above the root.
  const top = specs.some(({ name }) => name !== 'text' && name !== 'json') ? tryGit(input.root, ['rev-parse', '--show-prefix'])?.toString('utf8').trim() : undefined;
  if (top !== undefined) input = { ...input, repositoryPath: top.replace(/\/$/, '') };
  for (const { name, file } of specs) {
    const output = (await reporters[name]())(input, { color: file === undefined && useColor(process.stdout) });
    if (file === undefined) process.stdout.write(output);
    else writeFileAtomic(path.resolve(cwd, file), output);
  }
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary !== undefined && stepSummary !== '' && specs.some(({ name }) => name === 'github')) {
    const { formatGithubStepSummary } = await import('../report/github-reporter.js');
    appendFileSync(stepSummary, formatGithubStepSummary(input));
  }
}

/** A progress line on stderr for long runs on a terminal; nothing otherwise. */
export function createProgress(label: string): { update(done: number, total: number): void; done(): void } {
  const enabled = process.stderr.isTTY === true && process.env.CI === undefined;
  const startedAt = Date.now();
  let shown = false;
  return {
    update(done, total) {
      if (!enabled || Date.now() - startedAt < 700) return;
      shown = true;
      process.stderr.write(`\r${label} ${done}/${total} files…`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
