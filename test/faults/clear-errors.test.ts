import { symlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { commitAll } from '../support/git-repo.js';
import { runFaultCli, withFaultProject } from './fault-cli.js';
import { runWithReadOnly } from './read-only.js';

const PROJECT = {
  'package.json': '{ "name": "app", "main": "src/index.ts" }\n',
  'src/index.ts': "import { a } from './a';\nconsole.log(a);\n",
  'src/a.ts': 'export const a = 1;\nexport const unused = 2;\n',
};

const runReadOnly = (root: string, args: string[]) => runWithReadOnly(root, args, { recursive: true });

describe.concurrent('everything else: a clear one-line error (exit 2), or a notice and the run goes on', () => {
  test('a read-only root: one line naming the registry; --no-cache works without it', async () => {
    await withFaultProject({ ...PROJECT, 'orch.config.ts': 'export default {};\n' }, async (root) => {
      const refused = runReadOnly(root, ['validate', '--root', root]);
      expect(refused.stderr).toBe(`orch-guard: cannot write the registry at ${root}/.orch-guard/registry.db: read-only; use \`registry:\` in the config to put it elsewhere, or \`--no-cache\`\n`);
      expect(refused.status).toBe(2);
      const noCache = runReadOnly(root, ['validate', '--no-cache', '--root', root]);
      expect(noCache.stderr).toBe('');
      expect(noCache.stdout).toContain('Export `unused` is unused');
      expect(noCache.status).toBe(1);
    });
  });

  test('a file symlink loop: a notice, the file is skipped, the run goes on', async () => {
    await withFaultProject(PROJECT, async (root) => {
      symlinkSync('loop-b.ts', path.join(root, 'src/loop-a.ts'));
      symlinkSync('loop-a.ts', path.join(root, 'src/loop-b.ts'));
      commitAll(root, 'a symlink loop');
      const result = await runFaultCli(['validate', '--root', root]);
      expect(result.stderr).toBe('orch-guard: src/loop-a.ts: cannot be read (ELOOP), skipped\norch-guard: src/loop-b.ts: cannot be read (ELOOP), skipped\n');
      expect(result.exitCode).toBe(1);
    }, { git: true });
  });

  test('bad JSON in registry rows: that cache is rebuilt, the run does not fail', async () => {
    await withFaultProject(PROJECT, async (root) => {
      expect((await runFaultCli(['validate', '--root', root])).exitCode).toBe(1);
      const db = new Database(path.join(root, '.orch-guard/registry.db'));
      db.exec("UPDATE files SET facts = '{ not json'; UPDATE validate_result_cache SET findings = '{ not json';");
      db.close();
      const result = await runFaultCli(['validate', '--root', root, '--reporter', 'json']);
      expect(result.stderr).toBe('orch-guard: registry: the cached facts of 2 files were damaged; parsed again\n');
      expect(JSON.parse(result.stdout).findings.map((finding: { symbol: string }) => finding.symbol)).toEqual(['unused']);
      expect(result.exitCode).toBe(1);
      const again = await runFaultCli(['validate', '--root', root]);
      expect(again.stderr).toBe('');
    });
  });

  test('the markdown report neutralises @mentions and #issue references taken from the code', async () => {
    await withFaultProject({ ...PROJECT, 'src/@here/notify.ts': 'export const notify = 1;\n', 'src/#123.ts': 'export const x = 1;\n' }, async (root) => {
      const result = await runFaultCli(['report', '--format', 'markdown', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('src/@&#8203;here/notify.ts:1');
      expect(result.stdout).toContain('src/#&#8203;123.ts:1');
      expect(result.stdout).not.toMatch(/@here|#123/);
    }, { git: true });
  });
});

