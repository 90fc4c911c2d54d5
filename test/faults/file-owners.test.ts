import { spawn, spawnSync } from 'node:child_process';
import { chownSync, lstatSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { FAULT_CLI, runFaultCli, snapshotTree } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': 'console.log(1);\n',
  'src/orphan.js': 'export const orphan = 1;\n',
};

const isRoot = process.getuid?.() === 0;
/**
 * Whether user `nobody` can run the built CLI at all: a checkout under a private folder (mktemp's
 * 0700) is closed to other users, and the test of a user without the right to give files away
 * has nothing to check there.
 */
const nobodyCanRunCli = isRoot
  && spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(FAULT_CLI)}, require('node:fs').constants.R_OK)`], { uid: 65534, gid: 65534, stdio: 'ignore' }).status === 0;
const owner = (file: string) => `${statSync(file).uid}:${statSync(file).gid}`;

/** Every file and folder of the tree (not .git) given to `uid:gid`. */
function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const child = path.join(dir, name);
    if (lstatSync(child).isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}

/** The CLI run as another user (root only can do this). */
function runAs(uid: number, gid: number, args: string[], root: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FAULT_CLI, ...args], { uid, gid, cwd: root, env: { ...process.env, HOME: root, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

// Giving files to another user needs root: the suite runs as root in CI containers.
describe.runIf(isRoot).concurrent('cleanup --undo gives a deleted file back to its owner', () => {
  test('root deleting another user\'s file: --undo recreates it with that owner and group, bytes and mode', async () => {
    const root = createGitRepo(PROJECT);
    try {
      commitAll(root, 'initial');
      const orphan = path.join(root, 'src/orphan.js');
      chownSync(orphan, 1234, 4321);
      const before = snapshotTree(root);
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      expect(lstatSync(orphan, { throwIfNoEntry: false })).toBeUndefined();
      const undone = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undone.exitCode).toBe(0);
      expect(owner(orphan)).toBe('1234:4321');
      expect(snapshotTree(root)).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test.runIf(nobodyCanRunCli)('a user who may not give files away gets the file back as theirs, with a notice (not an error)', async () => {
    const root = createGitRepo(PROJECT);
    try {
      commitAll(root, 'initial');
      chownTree(root, 65534, 65534);
      const orphan = path.join(root, 'src/orphan.js');
      // A group the user is not in: only root could give the recreated file that group.
      chownSync(orphan, 65534, 4321);
      const before = snapshotTree(root);
      const fixed = await runAs(65534, 65534, ['cleanup', '--fix', '--unverified', '--root', root], root);
      expect(fixed.stderr).toBe('');
      expect(fixed.exitCode).toBe(0);
      const undone = await runAs(65534, 65534, ['cleanup', '--undo', '--root', root], root);
      expect(undone.exitCode).toBe(0);
      expect(undone.stderr).toContain('cleanup --undo: restored src/orphan.js owned by you: their owner or group before the cleanup was another');
      expect(owner(orphan)).toBe('65534:65534');
      expect(snapshotTree(root)).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
