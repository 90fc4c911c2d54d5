import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, git } from '../support/git-repo.js';
import { FIXTURES, removeTemp, runCli } from '../support/run-cli.js';
import { copyProject, readTree } from '../support/file-tree.js';

interface CleanupExpectation {
  description: string;
  args?: string[];
  /** `action file name` of each removal (file path only for delete-file). */
  removals: string[];
  /** `file#name: reason start` of each kept item. */
  kept: string[];
}

const cases = readdirSync(path.join(FIXTURES, 'cleanup')).sort();

describe.concurrent('cleanup --fix on fixture projects in real git repositories', () => {
  for (const name of cases) {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'cleanup', name, 'cleanup.json'), 'utf8')) as CleanupExpectation;
    test(`${name}: ${expected.description}`, async () => {
      const root = copyProject(`cleanup/${name}`);
      try {
        git(root, 'init', '-q');
        git(root, 'config', 'user.email', 'test@example.com');
        git(root, 'config', 'user.name', 'Test');
        commitAll(root, 'before cleanup');
        const before = readTree(root);

        const result = await runCli(['cleanup', '--fix', '--root', root, '--reporter', 'json', ...(expected.args ?? [])]);
        if (result.exitCode !== 0) throw new Error(`cleanup failed (${result.exitCode}): ${result.stderr}`);
        const output = JSON.parse(result.stdout) as { items: Array<{ action: string; file: string; name: string }>; kept: Array<{ file: string; name: string; reason: string }> };
        const describeItem = (item: { action: string; file: string; name: string }) => (item.action === 'delete-file' ? `${item.action} ${item.file}` : `${item.action} ${item.file} ${item.name}`);
        expect(output.items.map(describeItem).sort()).toEqual([...expected.removals].sort());
        expect(output.kept.map((item) => `${item.file}#${item.name}: ${item.reason}`).sort()).toEqual([...expected.kept].sort());
        expect(readTree(root)).toEqual(readTree(path.join(FIXTURES, 'cleanup', name, 'after')));

        // A second run finds nothing new: at most what verification made it keep.
        const again = await runCli(['cleanup', '--root', root, '--reporter', 'json', ...(expected.args ?? [])]);
        const keptNames = expected.kept.map((entry) => entry.slice(0, entry.indexOf(':')));
        expect((JSON.parse(again.stdout).items as Array<{ file: string; name: string }>).map((item) => `${item.file}#${item.name}`)).toEqual(keptNames);

        const undo = await runCli(['cleanup', '--undo', '--root', root]);
        expect(undo.exitCode).toBe(0);
        expect(readTree(root)).toEqual(before);
      } finally {
        removeTemp(root);
      }
    }, 120_000);
  }
});
