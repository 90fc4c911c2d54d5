import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withGitRepo } from '../support/git-repo.js';
import { copyFixture, FIXTURES, removeTemp, runCli } from '../support/run-cli.js';

async function inFixture<T>(fixture: string, work: (root: string) => Promise<T>): Promise<T> {
  const root = copyFixture(fixture);
  try {
    return await work(root);
  } finally {
    removeTemp(root);
  }
}

describe.concurrent('orch-guard entries and why', () => {
  test('entries lists every entry with where it comes from', async () => {
    await inFixture('entries/script-runners', async (root) => {
      const result = await runCli(['entries', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe([
        'codegen/generate.ts  script        package.json scripts.gen',
        'perf/run.ts          script        package.json scripts.bench',
        'server/index.ts      script        package.json scripts.serve',
        'tasks/index.ts       script        package.json scripts.watch',
        'tools/register.mjs   script        package.json scripts.serve',
        'tools/seed.ts        script        package.json scripts.seed',
        '',
        '6 entries, 0 test files',
        '',
      ].join('\n'));
    });
  });

  test('entries --reporter json: kinds, sources, knip status and gaps', async () => {
    await inFixture('entries/unmapped-entry-low-confidence', async (root) => {
      const result = await runCli(['entries', '--root', root, '--reporter', 'json']);
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        entries: [],
        tests: [],
        gaps: [{ kind: 'unmapped-entry', packageDir: '', entry: 'package.json main "./dist/server.js"', fix: "entries: ['src/server.ts']" }],
        knip: { status: 'not-needed' },
      });
    });
  });

  test('entries names the framework plugin and config file knip found them through', async () => {
    await inFixture('entries/vitest-config-entries', async (root) => {
      const result = await runCli(['entries', '--root', root, '--reporter', 'json']);
      const listing = JSON.parse(result.stdout) as { entries: unknown[]; tests: unknown[]; knip: { status: string } };
      expect(listing.entries).toEqual([
        { file: 'src/index.ts', kind: 'package-json', source: 'package.json main' },
        { file: 'vitest.config.mjs', kind: 'config', source: 'tool configuration file' },
      ]);
      expect(listing.tests).toEqual([
        { file: 'checks/math.check.ts', source: 'vitest (vitest.config.mjs)' },
        { file: 'support/global-setup.ts', source: 'vitest (vitest.config.mjs)' },
        { file: 'support/setup.ts', source: 'vitest (vitest.config.mjs)' },
      ]);
      expect(listing.knip.status).toBe('ran');
      const again = JSON.parse((await runCli(['entries', '--root', root, '--reporter', 'json'])).stdout) as { knip: { status: string } };
      expect(again.knip.status).toBe('cached');
    });
  });

  test('why prefers the chain from a production entry over a shorter one from a test', async () => {
    await inFixture('entries/why-prefers-production', async (root) => {
      const result = await runCli(['why', 'format', '--root', root]);
      expect(result.stdout).toBe([
        'src/lib/format.ts#format is live:',
        '  src/index.ts (entry: package.json main)',
        '  → src/server/handler.ts#handle',
        '  → src/lib/format.ts#format',
        '',
      ].join('\n'));
    });
  });

  test('cleanup --fix removes nothing that depends on an unmapped entry (low confidence)', async () => {
    const fixture = path.join(FIXTURES, 'entries/unmapped-entry-low-confidence');
    const files = Object.fromEntries(['package.json', 'src/boot.ts', 'src/start.ts'].map((file) => [file, readFileSync(path.join(fixture, file), 'utf8')]));
    await withGitRepo(files, async (root) => {
      const result = await runCli(['cleanup', '--fix', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(existsSync(path.join(root, 'src/boot.ts'))).toBe(true);
      expect(existsSync(path.join(root, 'src/start.ts'))).toBe(true);
    });
  });
});
