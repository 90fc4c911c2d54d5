import type { Finding } from '../rule-engine/finding.js';
import { parseRequirement } from '../config/requirement.js';
import type { ComponentConfig } from '../config/config-schema.js';

/**
 * Splits what a wave introduced into blocking findings and pending ones. A provider built in
 * one wave is unused until its consumer is built in a later one: a finding in a component that
 * a component whose builder task has not run yet `requires`, directly or through a chain of
 * requirements (app → api → billing: billing is dead until app wires api in), is pending (the
 * contracts say who will wire it). It is judged again after the next wave, and at the validate gate.
 */
export function splitPendingFindings(
  findings: readonly Finding[],
  components: Record<string, ComponentConfig>,
  stillToBuild: ReadonlySet<string>,
): { blocking: Finding[]; pending: Array<{ finding: Finding; consumer: string }> } {
  const blocking: Finding[] = [];
  const pending: Array<{ finding: Finding; consumer: string }> = [];
  for (const finding of findings) {
    const consumer = [...stillToBuild].find((name) => requiredThrough(name, components).some((required) => requiresWhereFindingIs(components[required], finding)));
    if (consumer === undefined) blocking.push(finding);
    else pending.push({ finding, consumer });
  }
  return { blocking, pending };
}

/** The component and every component it requires, directly or not. */
function requiredThrough(name: string, components: Record<string, ComponentConfig>): string[] {
  const seen = new Set<string>([name]);
  const pending = [name];
  while (pending.length > 0) {
    for (const entry of components[pending.pop() as string]?.requires ?? []) {
      const required = parseRequirement(entry)?.component;
      if (required === undefined || seen.has(required)) continue;
      seen.add(required);
      pending.push(required);
    }
  }
  return [...seen];
}

/** Whether a component requires the component (or the file) a finding is in: it is that code's consumer. */
export function requiresWhereFindingIs(component: ComponentConfig | undefined, finding: Finding): boolean {
  return (component?.requires ?? []).some((entry) => {
    const requirement = parseRequirement(entry);
    if (requirement === undefined) return false;
    return requirement.path !== undefined ? requirement.path === finding.file : finding.component !== undefined && requirement.component === finding.component;
  });
}
