import { describe, expect, test } from 'vitest';
import { withGitRepo } from '../support/git-repo.js';
import { runFaultCli, snapshotTree } from './fault-cli.js';

describe.concurrent('cleanup without verification says so; a cleanup of most of the project is refused', () => {
  test('no tsconfig.json and no cleanup.verify: --fix refuses unless --unverified, and then says nothing verified it', async () => {
    const files = {
      'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
      'src/index.js': "import { used } from './lib.js';\nconsole.log(used());\n",
      'src/lib.js': 'export function used() {\n  return 1;\n}\n',
      'src/dead.js': 'export const dead = 1;\n',
    };
    await withGitRepo(files, async (root) => {
      const before = snapshotTree(root);
      const refused = await runFaultCli(['cleanup', '--fix', '--root', root]);
      expect(refused.stderr).toBe('orch-guard: cleanup --fix: nothing would verify the result (no tsconfig.json to type-check, no `cleanup.verify` commands); no file was changed. Add `cleanup.verify` (your test command) to the config, or pass --unverified\n');
      expect(refused.exitCode).toBe(2);
      expect(snapshotTree(root)).toEqual(before);
      const unverified = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(unverified.exitCode).toBe(0);
      expect(unverified.stdout).toContain('Not verified: nothing checked that the project still builds and passes its tests after this cleanup.');
    });
  });

  test('deleting more than half of the files is refused without --force, naming the files nothing imports', async () => {
    const files = {
      'package.json': '{ "name": "app", "type": "module" }\n',
      'src/server.js': "import { routes } from './routes.js';\nroutes();\n",
      'src/routes.js': "import { db } from './db.js';\nexport function routes() {\n  return db;\n}\n",
      'src/db.js': 'export const db = 1;\n',
      'orch.config.json': '{ "cleanup": { "verify": ["node -e 0"] } }\n',
    };
    await withGitRepo(files, async (root) => {
      const before = snapshotTree(root);
      const refused = await runFaultCli(['cleanup', '--fix', '--root', root]);
      expect(refused.stderr).toBe("orch-guard: cleanup --fix: would delete 3 of the project's 3 files, which usually means entries are missing; no file was changed. Nothing imports src/server.js: if one of them is an entry point (a server, a CLI, a script), list it in `entries` in the config. Entries found: none. Pass --force to delete them anyway\n");
      expect(refused.exitCode).toBe(2);
      expect(snapshotTree(root)).toEqual(before);
      const forced = await runFaultCli(['cleanup', '--fix', '--force', '--root', root]);
      expect(forced.exitCode).toBe(0);
    });
  });
});
