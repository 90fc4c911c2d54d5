import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fillDisk, mountSmallDisk, unmountSmallDisk } from './small-disk.js';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { runFaultCli, snapshotTree } from './fault-cli.js';

const disk = mountSmallDisk();
afterAll(() => unmountSmallDisk(disk));

function project(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
    'orch.config.json': '{ "cleanup": { "verify": ["node -e 0"] } }\n',
    // A big file to edit: writing it needs room for a second copy before the rename.
    'src/big.js': `export function used() {\n  return '${'x'.repeat(300_000)}';\n}\n\nexport function unused() {\n  return 2;\n}\n`,
  };
  const live = Array.from({ length: 10 }, (_, n) => n);
  for (const n of live) files[`src/live-${n}.js`] = `export const live${n} = ${n};\n`;
  files['src/index.js'] = `import { used } from './big.js';\n${live.map((n) => `import { live${n} } from './live-${n}.js';\n`).join('')}console.log(used(), ${live.map((n) => `live${n}`).join(', ')});\n`;
  for (let n = 0; n < 8; n += 1) files[`src/dead-${n}.js`] = `export const dead${n} = ${n};\n`;
  return files;
}

describe.skipIf(disk === undefined)('a full disk during cleanup --fix', () => {
  test('at every amount of free space: one line naming the full disk (never "internal error"), and the tree as before or cleaned with --undo working', async () => {
    const template = createGitRepo(project());
    commitAll(template, 'initial');
    const outcomes = new Set<string>();
    const seen: string[] = [];
    try {
      for (const freeKb of [0, 60, 200, 300, 340, 400, 480, 700, 1200]) {
        const root = path.join(disk!, 'project');
        const filler = path.join(disk!, 'filler');
        rmSync(root, { recursive: true, force: true });
        mkdirSync(root);
        cpSync(template, root, { recursive: true });
        const before = snapshotTree(root);
        expect((await runFaultCli(['validate', '--root', root])).exitCode).toBe(1);
        const cleaned = (() => {
          fillDisk(disk!, filler, freeKb);
          return runFaultCli(['cleanup', '--fix', '--root', root]);
        })();
        const fixed = await cleaned;
        rmSync(filler, { force: true });
        if (fixed.exitCode === 2) {
          expect(fixed.stderr).toMatch(/^orch-guard: [^\n]*(disk is full|is the disk full)[^\n]*\n$/);
          expect(fixed.stderr).not.toContain('internal error');
        } else {
          expect(fixed.exitCode).toBe(0);
        }
        // The next command, with room again, finishes any rollback the full disk stopped.
        await runFaultCli(['validate', '--root', root]);
        const after = snapshotTree(root);
        if (JSON.stringify(after) === JSON.stringify(before)) {
          outcomes.add(fixed.stderr.includes('next orch-guard command restores them') ? 'rolled back at the next start' : 'as before');
        } else {
          expect(fixed.exitCode).toBe(0);
          expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
          expect(snapshotTree(root)).toEqual(before);
          outcomes.add('cleaned');
        }
        seen.push(`${freeKb} KB free: exit ${fixed.exitCode} ${fixed.stderr.trim()}`);
      }
    } finally {
      rmSync(template, { recursive: true, force: true });
    }
    console.log(seen.join('\n'));
    expect(outcomes.has('as before') && outcomes.has('cleaned')).toBe(true);
  }, 600_000);
});
