import type { Finding } from '../rule-engine/finding.js';
import type { FindingSummary } from '../report/report-input.js';
import type { GateSummary } from '../gates/gate-summary.js';

export interface ValidateApiOptions {
  /** Project root; default the current directory. */
  root?: string;
  /** Config file; default orch.config.* in the root. */
  config?: string;
  /** Entry globs added to the automatic entries (like `--entry`). */
  entries?: string[];
  /** Project globs (like `--project`). */
  project?: string[];
  /** Leave test files out (like `--production`). */
  production?: boolean;
  includeEntryExports?: boolean;
  /** Judge only what the staged change introduces. */
  staged?: boolean;
  /** Judge only what changed since this git ref introduces. */
  changedSince?: string;
  /** A baseline file, or false for none; default orch-guard-baseline.json when present. */
  baseline?: string | false;
  /** Reuse cached facts and results (default true). */
  cache?: boolean;
}

/** What `validate()`, `gate()` and the MCP server return: findings, counts and the CLI's exit code. */
export interface ValidationResult {
  root: string;
  findings: Finding[];
  summary: FindingSummary;
  /** One-line notices the CLI would print on stderr (skipped files, registry rebuilt, …). */
  notices: string[];
  /** 0: nothing fails the run; 1: findings (or a blocked gate). Errors are thrown, never returned. */
  exitCode: 0 | 1;
  scope?: 'staged' | 'changed-since';
  /** Set by `gate()`: the phase and its verdict. */
  gate?: GateSummary;
}

/**
 * Runs `orch-guard validate` in-process. Throws UsageError or ConfigError (one-line message)
 * for bad input, like the CLI's exit code 2.
 */
export async function validate(options: ValidateApiOptions = {}): Promise<ValidationResult> {
  const { validateProject } = await import('../validate/run-validate.js');
  const result = await validateProject({
    root: options.root ?? process.cwd(),
    configFile: options.config,
    entryGlobs: options.entries,
    projectGlobs: options.project,
    production: options.production === true,
    includeEntryExports: options.includeEntryExports,
    useCache: options.cache !== false,
    staged: options.staged,
    changedSince: options.changedSince,
    baseline: options.baseline,
  });
  return toValidationResult(result, result.scope !== undefined ? { scope: result.scope } : {});
}

/** A run's result as the API returns it: the counts added, the run's own extras (scope, gate) kept. */
export async function toValidationResult(
  result: Pick<ValidationResult, 'root' | 'findings' | 'notices' | 'exitCode'> & { fileCount: number },
  extra: Pick<ValidationResult, 'scope' | 'gate'>,
): Promise<ValidationResult> {
  const { summarizeFindings } = await import('../report/report-input.js');
  return { root: result.root, findings: result.findings, summary: summarizeFindings(result.findings, result.fileCount), notices: result.notices, exitCode: result.exitCode, ...extra };
}

/** The reporters of `--reporter`: text, json, sarif, github, codeclimate. */
export type ReporterName = 'text' | 'json' | 'sarif' | 'github' | 'codeclimate';

/** Formats a result as the CLI's reporter would print it (text without colour unless asked). */
export async function format(result: ValidationResult, reporter: ReporterName, options: { color?: boolean } = {}): Promise<string> {
  const [{ reporters }, { UsageError }] = await Promise.all([import('../report/reporters.js'), import('../errors.js')]);
  const load = reporters[reporter];
  if (load === undefined) throw new UsageError(`format: unknown reporter ${reporter} (known: ${Object.keys(reporters).join(', ')})`);
  const render = await load();
  return render({
    root: result.root,
    findings: result.findings,
    fileCount: result.summary.files,
    ...(result.scope !== undefined ? { scope: result.scope } : {}),
    ...(result.gate !== undefined ? { gate: result.gate } : {}),
  }, { color: options.color === true });
}
