import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withGitRepo } from '../support/git-repo.js';
import { runFaultCli } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import './dead.js';\n",
  'src/dead.js': 'export const unused = 1;\n',
};

/** The pid of a process that has ended (what a writer killed with SIGKILL leaves in its temporary file's name). */
const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe.concurrent('temporary files of a write killed with SIGKILL do not stay beside the user\'s files', () => {
  test('baseline save and hook install remove those of dead writers, and keep one of a writer still running', async () => {
    await withGitRepo(PROJECT, async (root) => {
      const dead = deadPid();
      const leftovers = {
        baseline: path.join(root, `.orch-guard-baseline.json.orch-guard-${dead}-1796000000000.tmp`),
        hook: path.join(root, `.git/hooks/.pre-commit.orch-guard-${dead}-1796000000000.tmp`),
        running: path.join(root, `.orch-guard-baseline.json.orch-guard-${process.pid}-1796000000000.tmp`),
      };
      for (const file of Object.values(leftovers)) writeFileSync(file, '{"version":1,"findi');
      expect((await runFaultCli(['baseline', 'save', '--root', root])).exitCode).toBe(0);
      expect((await runFaultCli(['hook', 'install', '--root', root])).exitCode).toBe(0);
      expect(existsSync(leftovers.baseline)).toBe(false);
      expect(existsSync(leftovers.hook)).toBe(false);
      expect(existsSync(leftovers.running)).toBe(true);
    });
  });
});
