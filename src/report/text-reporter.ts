import { plural } from './plural.js';
import { Chalk } from 'chalk';
import type { Finding } from '../rule-engine/finding.js';
import { actionableFindings, countByRule, type ReportInput, type ReporterOptions } from './report-input.js';

/**
 * Human output: findings grouped by file as `line:col  severity  message  rule`, then one
 * summary line with counts per rule.
 */
export function formatText(input: ReportInput, options: ReporterOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  let currentFile: string | undefined;
  // Findings a change did not introduce, or the baseline accepts, are counted but not listed.
  const shown = actionableFindings(input.findings);
  if (input.gate !== undefined) {
    const { phase, component, verdict } = input.gate;
    const title = `Gate ${phase}${component !== undefined ? ` (${component})` : ''}: ${verdict === 'pass' ? 'PASSED' : 'BLOCKED'}`;
    lines.push(verdict === 'pass' ? chalk.green.bold(title) : chalk.red.bold(title), '');
  }
  for (const finding of shown) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(chalk.underline(finding.file));
      currentFile = finding.file;
    }
    const position = `${finding.line}:${finding.column}`.padEnd(8);
    const severity = finding.severity === 'error' ? chalk.red('error'.padEnd(5)) : chalk.yellow('warn'.padEnd(5));
    const unsure = finding.confidence === 'low' ? `  ${chalk.yellow(`(low confidence: ${finding.uncertainty ?? 'the analysis could not be sure'})`)}` : '';
    lines.push(`  ${chalk.dim(position)}${severity}  ${finding.message}  ${chalk.dim(finding.rule)}${unsure}`);
  }
  const components = countByComponent(shown);
  if (input.gate !== undefined && components !== '') lines.push('', `By component: ${components}`);
  if (input.gate !== undefined && input.gate.pending.length > 0) {
    if (shown.length > 0) lines.push('');
    lines.push('Pending (declared in `provides`, not built yet):', ...input.gate.pending.map((entry) => `  ${entry}`));
  }
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  lines.push(summaryLine(input, shown, chalk));
  const preexisting = input.findings.filter((finding) => finding.introduced === false).length;
  const baselined = input.findings.filter((finding) => finding.introduced !== false && finding.baselined === true).length;
  if (preexisting > 0) lines.push(chalk.dim(`  ${plural(preexisting, 'pre-existing finding')} not shown: the changes did not introduce them`));
  if (baselined > 0) lines.push(chalk.dim(`  ${plural(baselined, 'finding')} accepted by the baseline not shown`));
  if (input.scope === 'staged' && shown.some((finding) => finding.severity === 'error')) {
    lines.push('', 'Commit blocked by orch-guard: fix the findings above, suppress one with `// orch-guard-ignore-next-line <rule>`,',
      'accept the current findings with `orch-guard baseline save`, or skip the check once with `git commit --no-verify`.');
  }
  return `${lines.join('\n')}\n`;
}

function summaryLine(input: ReportInput, findings: readonly Finding[], chalk: InstanceType<typeof Chalk>): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'}`;
  const what = input.scope !== undefined ? 'new dead code' : 'dead code';
  if (findings.length === 0 && input.gate !== undefined) return chalk.green(`✔ Gate ${input.gate.phase} passed (${files} checked)`);
  if (findings.length === 0) return chalk.green(`✔ No ${what} found (${files} checked)`);
  const byRule = Object.entries(countByRule(findings)).map(([rule, count]) => `${rule} ${count}`).join(', ');
  const counts = `${plural(findings.length, input.scope !== undefined ? 'new problem' : 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const line = `${errors > 0 ? '✖' : '⚠'} ${counts} in ${files}: ${byRule}`;
  return errors > 0 ? chalk.red.bold(line) : chalk.yellow.bold(line);
}

/** `api 2, billing 1, (no component) 3`, or '' when no finding belongs to a component. */
function countByComponent(findings: readonly Finding[]): string {
  if (!findings.some((finding) => finding.component !== undefined)) return '';
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.component ?? '(no component)', (counts.get(finding.component ?? '(no component)') ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([component, count]) => `${component} ${count}`).join(', ');
}

