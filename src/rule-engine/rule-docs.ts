import type { AnyRule } from './rule.js';

/** A fenced TypeScript block, its fence longer than any backtick run in the code. */
export function codeBlock(code: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}ts\n${code}\n${fence}`;
}

/** The documentation page of a rule (docs/rules/<id>.md), generated from its metadata. */
export function ruleDocumentation(rule: AnyRule): string {
  const { meta } = rule;
  const fence = codeBlock;
  return [
    `# ${meta.id}`,
    '',
    `${meta.description} Default severity: **${meta.defaultSeverity}**${meta.recommendedSeverity === undefined ? '' : `; **${meta.recommendedSeverity}** with \`extends: 'recommended'\``}.`,
    '',
    '## What it flags',
    '',
    meta.docs.flags,
    '',
    ...(meta.docs.details !== undefined ? ['## How it decides', '', meta.docs.details, ''] : []),
    '## Why it matters',
    '',
    meta.docs.why,
    '',
    '## How to fix it',
    '',
    meta.docs.fix,
    '',
    '## Flagged',
    '',
    fence(meta.docs.flaggedExample),
    '',
    '## Clean',
    '',
    fence(meta.docs.cleanExample),
    '',
    `Turn it off or change its severity in orch.config.ts: \`rules: { '${meta.id}': 'off' }\`.`,
    '',
  ].join('\n');
}
