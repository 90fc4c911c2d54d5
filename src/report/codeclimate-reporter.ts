import { createHash } from 'node:crypto';
import { actionableFindings, type ReportInput, repositoryRelative } from './report-input.js';

const SEVERITIES = { error: 'major', warn: 'minor' } as const;

/**
 * GitLab Code Quality (a subset of the Code Climate issue format): a JSON array with one issue
 * per finding, which GitLab shows in merge requests and compares between pipelines.
 */
export function formatCodeClimate(input: ReportInput): string {
  return `${JSON.stringify(actionableFindings(input.findings).map((finding) => ({
    type: 'issue',
    check_name: finding.rule,
    description: finding.message,
    // Dead code makes a codebase harder to read and change; it is not a bug or a style issue.
    categories: ['Clarity'],
    severity: SEVERITIES[finding.severity],
    // GitLab drops issues whose fingerprint repeats and matches issues between pipelines by it:
    // the finding fingerprint is unique within a run (`:N` marks a repeat) and has no line number.
    fingerprint: createHash('md5').update(finding.fingerprint).digest('hex'),
    location: { path: repositoryRelative(input, finding.file), lines: { begin: finding.line } },
  })), null, 2)}\n`;
}
