import { chmodSync, closeSync, cpSync, existsSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { runFaultCli, snapshotTree } from './fault-cli.js';
import { killPointsOf, runKilledAt } from './kill-points.js';

// Each command is first traced for the kill points it reaches (every step that changes the
// disk), then run once per point on a fresh copy and killed there with SIGKILL. After each
// kill, the recovery a user has (the next orch-guard command, then `cleanup --undo` or the
// command again) must give back every file byte for byte, with its mode, and leave no
// temporary file behind.

// Kept small: each kill point is a run of its own. One file edited (a UTF-8 BOM, CRLF line
// breaks, mode 755), one deleted (no final newline, mode 640), one untouched that is not UTF-8.
const PROJECT: Record<string, string | Buffer> = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { live } from './crlf.js';\nconsole.log(live());\n",
  'src/crlf.js': '\uFEFFexport function live() {\r\n  return 1;\r\n}\r\n\r\nexport function unusedToo() {\r\n  return 2;\r\n}\r\n',
  'src/dead.js': 'export const dead = 1;',
  'notes/latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
};

function freshRepo(extra: Record<string, string | Buffer> = {}): string {
  const root = createGitRepo({ ...PROJECT, ...extra } as Record<string, string>);
  chmodSync(path.join(root, 'src/crlf.js'), 0o755);
  chmodSync(path.join(root, 'src/dead.js'), 0o640);
  commitAll(root, 'initial');
  return root;
}

/** The tree, with git's hooks folder (hook install writes there). */
function snapshot(root: string): Record<string, string> {
  const hooks = path.join(root, '.git/hooks');
  const hookFiles = existsSync(hooks) ? Object.fromEntries(Object.entries(snapshotTree(hooks)).map(([file, state]) => [`.git/hooks/${file}`, state])) : {};
  return { ...snapshotTree(root), ...hookFiles };
}

/** Files of `state` that are in neither `a` nor `b` as they are there (a half-written file, a leftover temporary file). */
function strays(state: Record<string, string>, a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...state, ...a, ...b }).filter((file) => state[file] !== a[file] && state[file] !== b[file]).sort();
}

/** What a user (or a crash of the disk) may do to the registry after the kill: the cleanup logs beside it must make up for it. */
const DAMAGE = {
  none: () => {},
  'registry deleted': (root: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(root, `.orch-guard/registry.db${suffix}`), { force: true });
  },
  'registry header overwritten': (root: string) => {
    const file = path.join(root, '.orch-guard/registry.db');
    if (!existsSync(file)) return;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
  },
} as const;

const FIX = (root: string) => ['cleanup', '--fix', '--unverified', '--root', root];

async function withRepo(work: (root: string) => Promise<void>, extra: Record<string, string | Buffer> = {}): Promise<void> {
  const root = freshRepo(extra);
  try {
    await work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** What a clean run of `args` does to a fresh copy: the states before and after, and its kill points. */
async function reference(args: (root: string) => string[], prepare: (root: string) => Promise<void> = async () => {}, extra: Record<string, string | Buffer> = {}) {
  let before: Record<string, string> = {};
  let after: Record<string, string> = {};
  let points: string[] = [];
  await withRepo(async (root) => {
    await prepare(root);
    before = snapshot(root);
    points = await killPointsOf(args(root));
    after = snapshot(root);
  }, extra);
  return { before, after, points };
}

/**
 * Kills `args` at each of its kill points, on a fresh copy each time: after the next command,
 * every file must be as it was before the command or as a clean run leaves it.
 */
async function eachFileBeforeOrAfter(args: (root: string) => string[], extra: Record<string, string>, prepare: (root: string) => Promise<void> = async () => {}) {
  const states = await reference(args, prepare, extra);
  expect(states.points.length).toBeGreaterThan(1);
  for (let point = 1; point <= states.points.length; point += 1) {
    await withRepo(async (root) => {
      await prepare(root);
      await runKilledAt(args(root), point);
      await runFaultCli(['validate', '--root', root]);
      expect(strays(snapshot(root), states.before, states.after), `${args(root).slice(0, 2).join(' ')} killed at ${point} (${states.points[point - 1]})`).toEqual([]);
    }, extra);
  }
  return states;
}

describe.concurrent('SIGKILL at every write step loses no byte', () => {
  test.each(['none', 'registry deleted'] as const)('cleanup --fix (then %s): the next command rolls back, or the cleanup is complete and --undo restores all', async (damage) => {
    const { before, after: cleaned, points } = await reference(FIX);
    expect(points.length).toBeGreaterThan(5);
    expect(Object.keys(cleaned)).not.toContain('src/dead.js');
    const outcomes: string[] = [];
    for (let point = 1; point <= points.length; point += 1) {
      await withRepo(async (root) => {
        await runKilledAt(FIX(root), point);
        DAMAGE[damage](root);
        await runFaultCli(['validate', '--root', root]);
        const next = snapshot(root);
        expect(strays(next, before, cleaned), `killed at ${point} (${points[point - 1]})`).toEqual([]);
        if (JSON.stringify(next) === JSON.stringify(before)) {
          outcomes.push(`${point} ${points[point - 1]}: rolled back`);
          return;
        }
        expect(next, `killed at ${point} (${points[point - 1]})`).toEqual(cleaned);
        expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
        expect(snapshot(root)).toEqual(before);
        outcomes.push(`${point} ${points[point - 1]}: complete, undone`);
      });
    }
    console.log(`cleanup --fix, then ${damage}:\n${outcomes.join('\n')}`);
  }, 600_000);

  test.each(['none', 'registry header overwritten'] as const)('cleanup --undo (then %s): the next command leaves no temporary file, and --undo again restores all', async (damage) => {
    // Cleaned once, then copied back to the same path for each kill (the registry and the
    // cleanup log name the root).
    const root = freshRepo();
    const template = `${root}-cleaned`;
    const copyBack = () => {
      rmSync(root, { recursive: true, force: true });
      cpSync(template, root, { recursive: true, verbatimSymlinks: true });
    };
    try {
      const before = snapshot(root);
      expect((await runFaultCli(FIX(root))).exitCode).toBe(0);
      const cleaned = snapshot(root);
      cpSync(root, template, { recursive: true, verbatimSymlinks: true });
      const undo = ['cleanup', '--undo', '--root', root];
      const points = await killPointsOf(undo);
      expect(snapshot(root)).toEqual(before);
      expect(points.length).toBeGreaterThan(3);
      for (let point = 1; point <= points.length; point += 1) {
        copyBack();
        await runKilledAt(undo, point);
        DAMAGE[damage](root);
        // The next command of any kind removes what the kill left (with damage, --undo itself comes next).
        if (damage === 'none') {
          await runFaultCli(['validate', '--root', root]);
          expect(strays(snapshot(root), cleaned, before), `killed at ${point} (${points[point - 1]})`).toEqual([]);
        }
        const again = await runFaultCli(undo);
        expect([0, 2]).toContain(again.exitCode);
        expect(snapshot(root), `killed at ${point} (${points[point - 1]}): ${again.stderr}`).toEqual(before);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(template, { recursive: true, force: true });
    }
  }, 600_000);

  const BASELINE = { 'orch-guard-baseline.json': '{\r\n  "version": 1,\r\n  "tool": "orch-guard",\r\n  "findings": []\r\n}' };

  test('baseline save: the file is the old one or the new one, and the next command leaves no temporary file', async () => {
    await eachFileBeforeOrAfter((root) => ['baseline', 'save', '--root', root], BASELINE);
  }, 600_000);

  const FOREIGN_HOOK = async (root: string) => {
    const hook = path.join(root, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\nnpm run lint');
    chmodSync(hook, 0o750);
  };

  test('hook install and uninstall: the hook is as before or as after, never torn, and no temporary file stays', async () => {
    const install = (root: string) => ['hook', 'install', '--root', root];
    const installed = await eachFileBeforeOrAfter(install, {}, FOREIGN_HOOK);
    const removed = await eachFileBeforeOrAfter((root) => ['hook', 'uninstall', '--root', root], {}, async (root) => {
      await FOREIGN_HOOK(root);
      expect((await runFaultCli(install(root))).exitCode).toBe(0);
    });
    expect(removed.after).toEqual(installed.before);
  }, 600_000);

  test('init --force over a config and a .gitignore without a final newline: each file is as before or as after', async () => {
    const files = { 'orch.config.json': '{\r\n  "entries": ["src/index.js"]\r\n}', '.gitignore': 'node_modules' };
    const { points } = await eachFileBeforeOrAfter((root) => ['init', '--force', '--no-hook', '--no-ci', '--root', root], files);
    expect(points.length).toBeGreaterThan(3);
  }, 600_000);

  test('run restoring cached outputs: the next run finishes the restore, every output whole, no temporary file', async () => {
    const files = {
      'in.txt': 'input\n',
      'orch.config.json': JSON.stringify({ pipeline: { tasks: [{ id: 'build', run: 'mkdir -p out && printf "one\\r\\n" > out/a.txt && printf "two" > out/b.txt && chmod 755 out/b.txt', inputs: ['in.txt'], outputs: ['out/**'] }] } }),
    };
    const run = (root: string) => ['run', '--no-gates', '--root', root];
    const built = async (root: string) => {
      expect((await runFaultCli(run(root), { env: { CI: 'true' } })).exitCode).toBe(0);
      writeFileSync(path.join(root, 'out/a.txt'), 'stale');
      rmSync(path.join(root, 'out/b.txt'));
    };
    const { after, points } = await reference(run, built, files);
    expect(after['out/b.txt']).toBe(`755 ${Buffer.from('two').toString('base64')}`);
    expect(points.filter((point) => point.includes('renamed into place: ')).length).toBeGreaterThan(1);
    for (let point = 1; point <= points.length; point += 1) {
      await withRepo(async (root) => {
        await built(root);
        await runKilledAt(run(root), point, { CI: 'true' });
        await runFaultCli(run(root), { env: { CI: 'true' } });
        expect(snapshot(root), `killed at ${point} (${points[point - 1]})`).toEqual(after);
      }, files);
    }
  }, 600_000);
});
