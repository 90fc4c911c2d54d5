import { toValidationResult, type ValidationResult } from './validate.js';

export interface GateApiOptions {
  root?: string;
  config?: string;
  /** Required for the build gate: the component about to be built. */
  component?: string;
  production?: boolean;
  baseline?: string | false;
}

/**
 * A phase gate (`orch-guard gate <phase>`): plan, build (with `component`), validate or
 * cleanup. `exitCode` 0 is a pass, 1 blocked; the verdict is recorded in the registry.
 */
export async function gate(phase: 'plan' | 'build' | 'validate' | 'cleanup', options: GateApiOptions = {}): Promise<ValidationResult> {
  const { runGate } = await import('../gates/run-gate.js');
  const result = await runGate(phase, { ...options, root: options.root ?? process.cwd(), configFile: options.config });
  return toValidationResult(result, { gate: result.gate });
}
