import { describeGap } from '../project/entries/entry-gap.js';
import type { EntryListing } from './list-entries.js';

/** `orch-guard entries` as text (one entry a line: file, kind, source) or JSON. */
export function formatEntries(listing: EntryListing, json: boolean): string {
  if (json) return `${JSON.stringify(listing, null, 2)}\n`;
  const width = Math.max(0, ...listing.entries.map((entry) => entry.file.length));
  const lines = listing.entries.map((entry) => `${entry.file.padEnd(width)}  ${entry.kind.padEnd(12)}  ${entry.source}`);
  const toolTests = listing.tests.filter((test) => test.source !== 'test file name');
  if (toolTests.length > 0) lines.push('', 'test files named by test tools:', ...toolTests.map((test) => `${test.file.padEnd(width)}  ${'test'.padEnd(12)}  ${test.source}`));
  lines.push('', `${listing.entries.length} entries, ${listing.tests.length} test files`);
  const { knip } = listing;
  if (knip.status === 'failed') lines.push(`knip failed after ${knip.milliseconds} ms: ${knip.message}`);
  else if (knip.status !== 'not-needed') {
    const plugins = [...new Set(Object.values(knip.enabledPlugins).flat())].sort();
    lines.push(`tool entries from knip (${knip.status === 'cached' ? 'cached answer' : 'fresh run'}, ${knip.milliseconds} ms)${plugins.length > 0 ? `: ${plugins.join(', ')}` : ''}`);
  }
  for (const gap of listing.gaps) lines.push(gap.kind === 'unmapped-entry' ? `gap: ${describeGap(gap)}` : `gap: ${gap.entry} (${gap.kind}) in ${gap.packageDir === '' ? 'the root package' : gap.packageDir}`);
  return `${lines.join('\n')}\n`;
}
