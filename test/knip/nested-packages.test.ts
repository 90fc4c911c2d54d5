import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

interface Listing { entries: Array<{ file: string; source: string }>; knip: { status: string; enabledPlugins?: Record<string, string[]> } }

async function listEntries(root: string): Promise<Listing> {
  const result = await runCli(['entries', '--root', root, '--reporter', 'json']);
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as Listing;
}

test('a nested docs site gets its own knip plugins, and its config is part of the cached answer\'s key', async () => {
  const root = copyFixture('entries/nested-docs-component-overrides');
  try {
    const first = await listEntries(root);
    expect(first.knip.status).toBe('ran');
    expect(first.knip.enabledPlugins?.docs).toEqual(expect.arrayContaining(['astro', 'starlight']));
    expect(first.entries.filter((entry) => entry.file.startsWith('docs/src/components/'))).toEqual([
      { file: 'docs/src/components/Footer.astro', kind: 'framework', source: 'starlight (docs/astro.config.mjs)' },
      { file: 'docs/src/components/Head.astro', kind: 'framework', source: 'starlight (docs/astro.config.mjs)' },
    ]);
    expect((await listEntries(root)).knip.status).toBe('cached');

    // The site stops overriding Footer: knip is asked again and Footer is no entry any more.
    const config = path.join(root, 'docs', 'astro.config.mjs');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/\n\s*Footer: [^\n]*/, ''));
    const edited = await listEntries(root);
    expect(edited.knip.status).toBe('ran');
    expect(edited.entries.filter((entry) => entry.file.startsWith('docs/src/components/')).map((entry) => entry.file)).toEqual(['docs/src/components/Head.astro']);
  } finally {
    removeTemp(root);
  }
});
