import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withGitRepo } from '../support/git-repo.js';
import { runFaultCli } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': 'console.log(1);\n',
  'orch.config.json': JSON.stringify({ pipeline: { tasks: [{ id: 'one', run: 'true' }] } }),
};

describe.concurrent('a file of the user named .orch-guard', () => {
  test('is never replaced: validate, run and cleanup --fix refuse in one line (it was an internal error, EEXIST)', async () => {
    await withGitRepo(PROJECT, async (root) => {
      const notes = path.join(root, '.orch-guard');
      writeFileSync(notes, 'my notes\n');
      for (const command of [['validate'], ['run', '--no-gates'], ['cleanup', '--fix', '--unverified']]) {
        const result = await runFaultCli([...command, '--root', root], { env: { CI: 'true' } });
        expect(result.stderr).toBe(`orch-guard: ${notes} is a file, not orch-guard's state folder; orch-guard will not replace it: move it away, and orch-guard creates its folder there\n`);
        expect(result.exitCode).toBe(2);
      }
      expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    });
  });
});
