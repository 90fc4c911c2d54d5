import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeTempProject } from '../support/temp-project.js';
import { runFaultCli } from './fault-cli.js';

// One task writing two outputs with the same bytes but different modes, counting its runs.
const BUILD = "mkdir -p out && printf 'same bytes\\n' > out/tool.sh && printf 'same bytes\\n' > out/notes.txt && chmod 755 out/tool.sh && chmod 600 out/notes.txt && echo ran >> ../runs.log";

async function withCachedTask(work: (root: string, runs: () => number) => Promise<void>): Promise<void> {
  const parent = writeTempProject({});
  const root = path.join(parent, 'project');
  const files = {
    'package.json': '{ "name": "app", "main": "src/index.js" }\n',
    'src/index.js': 'export const main = 1;\n',
    'in.txt': 'input\n',
    'orch.config.json': JSON.stringify({ pipeline: { tasks: [{ id: 'build', run: BUILD, inputs: ['in.txt'], outputs: ['out/**'] }] } }),
  };
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  const runs = () => {
    try {
      return readFileSync(path.join(parent, 'runs.log'), 'utf8').split('\n').filter(Boolean).length;
    } catch {
      return 0;
    }
  };
  try {
    const first = await runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(runs()).toBe(1);
    await work(root, runs);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

const mode = (file: string) => (statSync(file).mode & 0o7777).toString(8);
const run = (root: string) => runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });

/** The files of the task's one cache entry. */
function cacheEntry(root: string): string {
  const cache = path.join(root, '.orch-guard/task-cache');
  const [prefix] = readdirSync(cache);
  const [key] = readdirSync(path.join(cache, prefix));
  return path.join(cache, prefix, key);
}

describe.concurrent('the task cache gives back exactly what the task left', () => {
  test('two outputs with the same bytes and different modes come back each with its own mode', async () => {
    await withCachedTask(async (root, runs) => {
      rmSync(path.join(root, 'out'), { recursive: true });
      expect((await run(root)).exitCode).toBe(0);
      expect(runs()).toBe(1);
      expect(mode(path.join(root, 'out/tool.sh'))).toBe('755');
      expect(mode(path.join(root, 'out/notes.txt'))).toBe('600');
      // An output with the right bytes but another mode gets its mode back too.
      chmodSync(path.join(root, 'out/tool.sh'), 0o644);
      expect((await run(root)).exitCode).toBe(0);
      expect(mode(path.join(root, 'out/tool.sh'))).toBe('755');
      expect(runs()).toBe(1);
    });
  });

  test('a stored copy damaged on disk is not restored: the task runs again', async () => {
    await withCachedTask(async (root, runs) => {
      const [stored] = readdirSync(path.join(cacheEntry(root), 'files'));
      writeFileSync(path.join(cacheEntry(root), 'files', stored), 'same b'); // cut short
      rmSync(path.join(root, 'out'), { recursive: true });
      expect((await run(root)).exitCode).toBe(0);
      expect(runs()).toBe(2);
      expect(readFileSync(path.join(root, 'out/tool.sh'), 'utf8')).toBe('same bytes\n');
    });
  });

  test.each([
    ['cut short', '{"task":"build","outp'],
    ['empty', ''],
    ['a path leading out of the root', JSON.stringify({ task: 'build', outputs: [{ path: '../escaped.txt', hash: 'ab'.repeat(20) }] })],
  ])('a manifest %s is no entry: the task runs again, nothing is written outside', async (_, manifest) => {
    await withCachedTask(async (root, runs) => {
      writeFileSync(path.join(cacheEntry(root), 'manifest.json'), manifest);
      rmSync(path.join(root, 'out'), { recursive: true });
      const result = await run(root);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(runs()).toBe(2);
      expect(readdirSync(path.dirname(root)).sort()).toEqual(['project', 'runs.log']);
    });
  });
});
