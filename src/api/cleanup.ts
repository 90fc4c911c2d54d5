import type { CleanupResult } from '../cleanup/run-cleanup.js';
import type { CleanupScope } from '../cleanup/plan-cleanup.js';

export interface CleanupApiOptions {
  root?: string;
  config?: string;
  production?: boolean;
  /** Narrow the removals to rules, files or components (like `--rule`, `--file`, `--component`). */
  scope?: CleanupScope;
  /** Apply, verify and record (like `--fix`); default a dry run. */
  fix?: boolean;
  force?: boolean;
  allowDirty?: boolean;
  noGit?: boolean;
}

/**
 * `orch-guard cleanup`: every removal to a fixpoint (a dry run), or with `fix` applied,
 * verified, bisected when verification fails, and recorded for `revertCleanup`.
 */
export async function cleanup(options: CleanupApiOptions = {}): Promise<CleanupResult> {
  const { runCleanup } = await import('../cleanup/run-cleanup.js');
  return runCleanup({
    root: options.root ?? process.cwd(),
    configFile: options.config,
    production: options.production === true,
    scope: options.scope ?? {},
    fix: options.fix === true,
    force: options.force === true,
    allowDirty: options.allowDirty === true,
    noGit: options.noGit === true,
  });
}

/** `orch-guard cleanup --undo [id]`: restores a recorded cleanup's files byte for byte. */
export async function revertCleanup(options: { root?: string; config?: string; id?: number } = {}) {
  const { runUndo } = await import('../cleanup/run-cleanup.js');
  return runUndo({ root: options.root ?? process.cwd(), configFile: options.config, ...(options.id !== undefined ? { id: options.id } : {}) });
}
