import type { Finding } from '../rule-engine/finding.js';
import { escapeMarkdown } from './escape-markdown.js';
import { plural } from './plural.js';

/** The first line of the report: a CI step finds its own earlier comment by it and edits it. */
const REPORT_MARKER = '<!-- orch-guard-report -->';
/** Tables longer than this go inside a collapsed `<details>`. */
const SHOWN_ROWS = 20;

export interface MarkdownReportInput {
  head: readonly Finding[];
  /** Findings of the base, or undefined when there is nothing to compare with. */
  base: readonly Finding[] | undefined;
  /** What the base is: `main`, `the baseline`. */
  baseLabel?: string;
  cleanup: { removals: number; removedLines: number };
  /** A Mermaid flowchart of the components the change touched (GitHub renders it). */
  diagram?: string;
}

/**
 * The cleanup report for a pull request, in GitHub-flavoured markdown: counts introduced,
 * resolved and remaining by rule against the base, the introduced findings with `path:line`
 * and reason, the lines cleanup would remove. Everything taken from the code is escaped.
 */
export function formatMarkdownReport(input: MarkdownReportInput): string {
  const baseKeys = new Set((input.base ?? []).map((finding) => finding.fingerprint));
  const headKeys = new Set(input.head.map((finding) => finding.fingerprint));
  const introduced = input.base === undefined ? [] : input.head.filter((finding) => !baseKeys.has(finding.fingerprint));
  const resolved = (input.base ?? []).filter((finding) => !headKeys.has(finding.fingerprint));
  const lines = [REPORT_MARKER, '## orch-guard: dead code report', ''];
  const against = input.base === undefined ? '' : ` (against ${escapeMarkdown(input.baseLabel ?? 'the base')})`;
  lines.push(input.base === undefined
    ? `**${plural(input.head.length, 'finding')}** in this version.`
    : `**${introduced.length} introduced**, ${resolved.length} resolved, ${input.head.length} remaining${against}.`, '');
  lines.push(...countsByRule(input.head, introduced, resolved), '');
  if (introduced.length > 0) lines.push('### Introduced', '', ...findingTable(introduced), '');
  if (resolved.length > 0) {
    lines.push('<details><summary>' + escapeMarkdown(`${plural(resolved.length, 'finding')} resolved`) + '</summary>', '', ...findingTable(resolved, false), '', '</details>', '');
  }
  if (input.base === undefined && input.head.length > 0) lines.push('### Findings', '', ...findingTable(input.head), '');
  if (input.diagram !== undefined) {
    lines.push('### Components touched', '', 'Imports between them; red: not allowed by the contracts, dashed: declared `requires` no import uses.', '', '```mermaid', input.diagram.trimEnd(), '```', '');
  }
  lines.push(input.cleanup.removals === 0
    ? 'Nothing to clean up.'
    : `**Cleanup:** \`orch-guard cleanup --fix\` would make ${plural(input.cleanup.removals, 'removal')}, removing **${plural(input.cleanup.removedLines, 'line')}**.`);
  return `${lines.join('\n')}\n`;
}

function countsByRule(head: readonly Finding[], introduced: readonly Finding[], resolved: readonly Finding[]): string[] {
  const rules = [...new Set([...head, ...resolved].map((finding) => finding.rule))].sort();
  if (rules.length === 0) return ['No findings.'];
  const count = (list: readonly Finding[], rule: string) => list.filter((finding) => finding.rule === rule).length;
  return [
    '| rule | introduced | resolved | remaining |',
    '| --- | ---: | ---: | ---: |',
    ...rules.map((rule) => `| ${escapeMarkdown(rule)} | ${count(introduced, rule)} | ${count(resolved, rule)} | ${count(head, rule)} |`),
  ];
}

/** A table of findings; past SHOWN_ROWS the rest is collapsed. */
function findingTable(findings: readonly Finding[], collapse = true): string[] {
  const header = ['| | location | rule | symbol | reason |', '| --- | --- | --- | --- | --- |'];
  const row = (finding: Finding) => `| ${finding.severity === 'error' ? 'error' : 'warning'} | ${escapeMarkdown(`${finding.file}:${finding.line}`)} | ${escapeMarkdown(finding.rule)} | ${escapeMarkdown(finding.symbol ?? '')} | ${escapeMarkdown(finding.reason)} |`;
  if (!collapse || findings.length <= SHOWN_ROWS) return [...header, ...findings.map(row)];
  return [
    ...header, ...findings.slice(0, SHOWN_ROWS).map(row), '',
    `<details><summary>${plural(findings.length - SHOWN_ROWS, 'more finding')}</summary>`, '',
    ...header, ...findings.slice(SHOWN_ROWS).map(row), '', '</details>',
  ];
}
