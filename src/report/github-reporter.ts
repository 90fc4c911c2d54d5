import { plural } from './plural.js';
import { escapeMarkdown } from './escape-markdown.js';
import type { Finding } from '../rule-engine/finding.js';
import { actionableFindings, type ReportInput, repositoryRelative } from './report-input.js';

/** GitHub shows at most 10 error and 10 warning annotations per step and drops the rest. */
const ANNOTATIONS_PER_LEVEL = 10;
/** GitHub rejects a step summary over 1 MiB; stop the table early, leaving room for other tools. */
const SUMMARY_MAX_BYTES = 1_000_000;

const LEVELS = { error: 'error', warn: 'warning' } as const;

/**
 * GitHub Actions workflow commands: an `::error` or `::warning` annotation per finding, up to
 * GitHub's limit per level, then one `::notice` saying how many more the step summary lists.
 */
export function formatGithubAnnotations(input: ReportInput): string {
  const findings = actionableFindings(input.findings);
  const shown = { error: 0, warn: 0 };
  const lines: string[] = [];
  for (const finding of findings) {
    if (shown[finding.severity] === ANNOTATIONS_PER_LEVEL) continue;
    shown[finding.severity] += 1;
    lines.push(annotation(finding, repositoryRelative(input, finding.file)));
  }
  const counts = countBySeverity(findings);
  const hidden = { error: counts.error - shown.error, warn: counts.warn - shown.warn };
  if (hidden.error + hidden.warn > 0) {
    const more = `${plural(hidden.error + hidden.warn, 'more finding')} (${plural(hidden.error, 'error')}, ${plural(hidden.warn, 'warning')})`;
    lines.push(`::notice::${escapeData(`orch-guard: ${more} not annotated here, since GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step; the step summary lists all ${findings.length}.`)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

function annotation(finding: Finding, file: string): string {
  const properties = `file=${escapeProperty(file)},line=${finding.line},col=${finding.column},title=${escapeProperty(finding.rule)}`;
  return `::${LEVELS[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

/** Markdown for `$GITHUB_STEP_SUMMARY`: a headline and a table of every finding. */
export function formatGithubStepSummary(input: ReportInput): string {
  const files = plural(input.fileCount, 'file');
  input = { ...input, findings: actionableFindings(input.findings) };
  if (input.findings.length === 0) return `### orch-guard: no dead code found (${files} checked)\n`;
  const counts = countBySeverity(input.findings);
  let summary = `### orch-guard: ${plural(input.findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warn, 'warning')}) in ${files}\n\n`
    + '| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n';
  let bytes = Buffer.byteLength(summary);
  for (const [index, finding] of input.findings.entries()) {
    const row = `| ${LEVELS[finding.severity]} | ${escapeMarkdown(finding.rule)} | ${escapeMarkdown(`${finding.file}:${finding.line}`)} | ${escapeMarkdown(finding.message)} |\n`;
    bytes += Buffer.byteLength(row);
    if (bytes > SUMMARY_MAX_BYTES) {
      return `${summary}\n${plural(input.findings.length - index, 'more finding')} not listed: GitHub limits a step summary to 1 MiB. The json or sarif reporter lists them all.\n`;
    }
    summary += row;
  }
  return summary;
}

/** Workflow command data: GitHub decodes these three, so they must not appear raw. */
function escapeData(text: string): string {
  return text.replace(/[%\r\n]/g, percentEncode);
}

/** Command properties are also split on `,` and ended by `:`. */
function escapeProperty(text: string): string {
  return text.replace(/[%\r\n:,]/g, percentEncode);
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}


function countBySeverity(findings: readonly Finding[]): { error: number; warn: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { error: errors, warn: findings.length - errors };
}

