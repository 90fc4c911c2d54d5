import { type ReportInput, summarizeFindings } from './report-input.js';

/** Version of the JSON output format (schemas/validate-output.schema.json). */
const JSON_OUTPUT_VERSION = 1;

/** Machine output: stable, versioned, described by schemas/validate-output.schema.json. */
export function formatJson(input: ReportInput): string {
  return `${JSON.stringify({
    version: JSON_OUTPUT_VERSION,
    root: input.root,
    ...(input.gate !== undefined ? { gate: input.gate } : {}),
    summary: summarizeFindings(input.findings, input.fileCount),
    findings: input.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      symbol: finding.symbol,
      kind: finding.kind,
      reason: finding.reason,
      message: finding.message,
      fingerprint: finding.fingerprint,
      ...(finding.referrers !== undefined ? { referrers: finding.referrers } : {}),
      ...(finding.similarity !== undefined ? { similarity: finding.similarity } : {}),
      ...(finding.introduced !== undefined ? { introduced: finding.introduced } : {}),
      ...(finding.baselined !== undefined ? { baselined: finding.baselined } : {}),
      ...(finding.component !== undefined ? { component: finding.component } : {}),
      ...(finding.confidence !== undefined ? { confidence: finding.confidence, uncertainty: finding.uncertainty } : {}),
    })),
  }, null, 2)}\n`;
}
