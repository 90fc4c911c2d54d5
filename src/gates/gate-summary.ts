/** A phase gate's verdict, as reporters show it. */
export interface GateSummary {
  phase: 'plan' | 'build' | 'validate' | 'cleanup';
  component?: string;
  verdict: 'pass' | 'blocked';
  /** Plan gate: requirements declared in `provides` and not built yet. */
  pending: string[];
}

export type GatePhase = GateSummary['phase'];
