import { Chalk } from 'chalk';
import { countByRule, type ReportInput, type ReporterOptions } from './report-input.js';

/**
 * Human output: findings grouped by file as `line:col  severity  message  rule`, then one
 * summary line with counts per rule.
 */
export function formatText(input: ReportInput, options: ReporterOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of input.findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(chalk.underline(finding.file));
      currentFile = finding.file;
    }
    const position = `${finding.line}:${finding.column}`.padEnd(8);
    const severity = finding.severity === 'error' ? chalk.red('error'.padEnd(5)) : chalk.yellow('warn'.padEnd(5));
    lines.push(`  ${chalk.dim(position)}${severity}  ${finding.message}  ${chalk.dim(finding.rule)}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(input, chalk));
  return `${lines.join('\n')}\n`;
}

function summaryLine(input: ReportInput, chalk: InstanceType<typeof Chalk>): string {
  const errors = input.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = input.findings.length - errors;
  const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'}`;
  if (input.findings.length === 0) return chalk.green(`✔ No dead code found (${files} checked)`);
  const byRule = Object.entries(countByRule(input.findings)).map(([rule, count]) => `${rule} ${count}`).join(', ');
  const counts = `${plural(input.findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const line = `${errors > 0 ? '✖' : '⚠'} ${counts} in ${files}: ${byRule}`;
  return errors > 0 ? chalk.red.bold(line) : chalk.yellow.bold(line);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
