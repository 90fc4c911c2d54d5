import { checkContractOrder } from './check-contract-order.js';
import type { PipelinePlan } from './load-plan.js';
import { describeRunFinding, type RunFinding } from './run-finding.js';
import type { Verdict } from './run-events.js';

export interface GateCheck {
  verdict: Verdict;
  /** Why, one line each: the findings or missing symbols. */
  detail: string[];
  /** The findings as objects (warnings and pending ones included). */
  findings: RunFinding[];
}

/** The plan gate's own part: the tasks have an order (no `dependsOn` cycle) that the contracts agree with. */
export function checkTaskGraph(plan: Pick<PipelinePlan, 'graph' | 'tasks' | 'byId' | 'components'>): GateCheck {
  if (plan.graph.kind === 'cycle') {
    return { verdict: 'blocked', detail: [`dependsOn cycle: ${plan.graph.cycle.join(' → ')} (each depends on the next): the tasks have no order; remove one of these dependencies`], findings: [] };
  }
  const findings = checkContractOrder(plan);
  return { verdict: findings.length > 0 ? 'blocked' : 'pass', detail: findings.map((finding) => `${describeRunFinding(finding)}: ${finding.fix}`), findings };
}
