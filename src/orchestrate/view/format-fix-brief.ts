import type { TaskStatus } from '../../config/pipeline-schema.js';
import type { RunFinding } from '../run-finding.js';

/**
 * What a builder is handed to fix its task: why it is not done, the files its last attempt
 * changed, the findings blamed on it with what to do, and how to re-run it.
 */
export interface FixBrief {
  version: 1;
  run: number;
  task: string;
  status: TaskStatus;
  reason: string | null;
  component: string | null;
  attempts: number;
  logFile: string | null;
  changedFiles: Array<{ path: string; change: 'created' | 'modified' | 'deleted' }>;
  findings: RunFinding[];
  /** The tasks waiting for this one (directly or not). */
  blocks: string[];
  rerun: string;
}

export const formatFixBriefJson = (brief: FixBrief): string => `${JSON.stringify(brief, null, 2)}\n`;

export function formatFixBriefText(brief: FixBrief): string {
  const lines = [
    `Task ${brief.task} (run #${brief.run}${brief.component !== null ? `, component ${brief.component}` : ''}): ${brief.status}${brief.reason !== null ? ` — ${brief.reason}` : ''}`,
    `Changed by its last attempt: ${brief.changedFiles.length === 0 ? 'nothing' : brief.changedFiles.map((file) => `${file.path} (${file.change})`).join(', ')}`,
  ];
  if (brief.findings.length > 0) {
    lines.push('Findings:');
    for (const finding of brief.findings) {
      lines.push(`  ${finding.severity} ${finding.rule} ${finding.file ?? ''}${finding.line !== null ? `:${finding.line}` : ''}${finding.symbol !== null ? ` ${finding.symbol}` : ''}: ${finding.message}`);
      lines.push(`    fix: ${finding.fix}${finding.original !== undefined ? ` (reuse ${finding.original})` : ''}`);
    }
  }
  if (brief.blocks.length > 0) lines.push(`Waiting for it: ${brief.blocks.join(', ')}`);
  lines.push(`Re-run: ${brief.rerun}`);
  return `${lines.join('\n')}\n`;
}
