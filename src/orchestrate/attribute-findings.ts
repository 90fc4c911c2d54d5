import type { Finding } from '../rule-engine/finding.js';
import { parseRequirement } from '../config/requirement.js';
import type { ComponentConfig } from '../config/config-schema.js';
import type { TaskConfig } from '../config/pipeline-schema.js';

/**
 * The last resort of blame, for a finding in a file no task of the run wrote (what a task
 * deleted or renamed broke code elsewhere): the tasks that promised the symbol
 * (`produces`), else those building the finding's component, else those building a component
 * that requires it (they should have wired it), else every build task of the wave. Review
 * tasks only read, so they are never blamed.
 */
export function attributeFindings(findings: readonly Finding[], waveTasks: readonly TaskConfig[], components: Record<string, ComponentConfig>): Map<string, Finding[]> {
  const builders = waveTasks.filter((task) => task.role !== 'review');
  const blamed = new Map<string, Finding[]>();
  for (const finding of findings) {
    const tiers = [
      builders.filter((task) => (task.produces ?? []).some((entry) => promises(entry, finding))),
      builders.filter((task) => task.component !== undefined && task.component === finding.component),
      builders.filter((task) => task.component !== undefined && requiresWhereFindingIs(components[task.component], finding)),
      builders,
    ];
    for (const task of tiers.find((tier) => tier.length > 0) ?? []) {
      const list = blamed.get(task.id) ?? [];
      list.push(finding);
      blamed.set(task.id, list);
    }
  }
  return blamed;
}

/** Whether a component requires the component (or the file) a finding is in: it is that code's consumer. */
function requiresWhereFindingIs(component: ComponentConfig | undefined, finding: Finding): boolean {
  return (component?.requires ?? []).some((entry) => {
    const requirement = parseRequirement(entry);
    if (requirement === undefined) return false;
    return requirement.path !== undefined ? requirement.path === finding.file : finding.component !== undefined && requirement.component === finding.component;
  });
}

function promises(entry: string, finding: Finding): boolean {
  const requirement = parseRequirement(entry);
  if (requirement === undefined || requirement.symbol === undefined) return false;
  if (requirement.path !== undefined) return requirement.path === finding.file && requirement.symbol === finding.symbol;
  return requirement.component === finding.component && requirement.symbol === finding.symbol;
}
