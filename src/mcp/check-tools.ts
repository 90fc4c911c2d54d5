import { z } from 'zod';
import { allRules } from '../../rules/index.js';
import { gate } from '../api/gate.js';
import { validate, type ValidationResult } from '../api/validate.js';
import { UsageError } from '../errors.js';
import { ruleDocumentation } from '../rule-engine/rule-docs.js';
import { capped, toolResult } from './tool-result.js';
import type { ToolRegistrar } from './tool-registrar.js';

const FINDING_LIMIT = 200;

/** Checks an agent runs on its work: validate the tree or the staged change, pass a gate, learn a rule. */
export function registerCheckTools(register: ToolRegistrar, project: { root: string; config?: string }): void {
  register('validate', {
    title: 'Validate',
    description: 'Run orch-guard validate on the working tree, or with `staged` only judge what the staged change introduces (what the pre-commit hook checks), or with `changedSince` what changed since a git ref. exitCode 1 means the run fails.',
    inputSchema: {
      staged: z.boolean().optional(),
      changedSince: z.string().min(1).optional().describe('a git ref, e.g. main'),
      production: z.boolean().optional().describe('leave test files out'),
    },
  }, async ({ staged, changedSince, production }) => {
    const result = await validate({ root: project.root, config: project.config, staged, changedSince, production });
    return answer(result, `validate${staged === true ? ' --staged' : changedSince !== undefined ? ` --changed-since ${changedSince}` : ''}`);
  });

  register('gate', {
    title: 'Phase gate',
    description: 'A phase gate: `build` with a `component` (everything it requires exists, run it before building the component), `plan`, `validate` (contracts hold, no dead code) or `cleanup`. exitCode 0 passes, 1 is blocked.',
    inputSchema: {
      phase: z.enum(['plan', 'build', 'validate', 'cleanup']).optional().describe('default build'),
      component: z.string().min(1).optional(),
    },
  }, async ({ phase, component }) => {
    const result = await gate(phase ?? 'build', { root: project.root, config: project.config, component });
    return answer(result, `gate ${phase ?? 'build'}${component !== undefined ? ` ${component}` : ''}`);
  });

  register('explain_rule', {
    title: 'Explain a rule',
    description: 'What a rule flags, why it matters, how to fix a finding, with a flagged and a clean example. Without `rule`: the list of rules.',
    inputSchema: { rule: z.string().min(1).optional() },
  }, async ({ rule }) => {
    if (rule === undefined) {
      const rules = allRules.map(({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity }));
      return toolResult(`${rules.length} rules: ${rules.map((entry) => entry.id).join(', ')}`, { rules });
    }
    const found = allRules.find((candidate) => candidate.meta.id === rule);
    if (found === undefined) throw new UsageError(`explain_rule ${rule}: unknown rule (known: ${allRules.map((candidate) => candidate.meta.id).join(', ')})`);
    const { meta } = found;
    return toolResult(`${meta.id}: ${meta.description}`, { id: meta.id, defaultSeverity: meta.defaultSeverity, ...meta.docs, markdown: ruleDocumentation(found) });
  });
}

function answer(result: ValidationResult, what: string): ReturnType<typeof toolResult> {
  const { items, truncated } = capped(result.findings, FINDING_LIMIT);
  const { summary } = result;
  const verdict = result.gate !== undefined ? (result.gate.verdict === 'pass' ? 'passed' : 'blocked') : result.exitCode === 0 ? 'passes' : 'fails';
  const counts = summary.findings === 0 ? 'no findings' : `${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'})`;
  return toolResult(`${what} ${verdict}: ${counts} in ${summary.files} files`, {
    exitCode: result.exitCode,
    counts: summary,
    ...(result.gate !== undefined ? { gate: result.gate } : {}),
    findings: items,
    ...(truncated !== undefined ? { truncated } : {}),
    notices: result.notices,
  });
}
