import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runFaultCli } from './fault-cli.js';
import { fillDisk, mountSmallDisk, unmountSmallDisk } from './small-disk.js';

const disk = mountSmallDisk();
afterAll(() => unmountSmallDisk(disk));

/**
 * A project on the small disk, its registry elsewhere (so that only the file under test meets
 * the full disk); the filler and the project are removed after `work`.
 */
async function onSmallDisk(name: string, files: Record<string, string>, work: (root: string, fill: (freeKb: number) => void) => Promise<void>): Promise<void> {
  const root = path.join(disk as string, name);
  const registryDir = mkdtempSync(path.join(tmpdir(), 'orch-guard-registry-'));
  const filler = path.join(disk as string, `${name}.filler`);
  const config = JSON.parse(files['orch.config.json'] ?? '{}') as Record<string, unknown>;
  const all = { ...files, 'orch.config.json': JSON.stringify({ ...config, registry: path.join(registryDir, 'registry.db') }) };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  try {
    await work(root, (freeKb) => fillDisk(disk as string, filler, freeKb));
  } finally {
    rmSync(filler, { force: true });
    rmSync(root, { recursive: true, force: true });
    rmSync(registryDir, { recursive: true, force: true });
  }
}

const deadExports = (count: number) => Array.from({ length: count }, (_, n) => `export const unusedExportNumber${n} = ${n};\n`).join('');

// The two writers run one after the other: they share the small disk.
describe.skipIf(disk === undefined)('a full disk while writing the baseline or the task cache', () => {
  test('baseline save: one line naming the full disk, the old baseline byte for byte, no temporary file left', async () => {
    const files = {
      'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
      'src/index.js': "import './dead.js';\n",
      'src/dead.js': deadExports(300),
    };
    await onSmallDisk('baseline', files, async (root, fill) => {
      expect((await runFaultCli(['baseline', 'save', '--root', root])).exitCode).toBe(0);
      const baseline = path.join(root, 'orch-guard-baseline.json');
      const before = readFileSync(baseline);
      writeFileSync(path.join(root, 'src/dead.js'), deadExports(301));
      fill(16); // the new baseline (~54 kB) does not fit
      const result = await runFaultCli(['baseline', 'save', '--root', root]);
      expect(result.stderr).toBe('orch-guard: the disk is full (ENOSPC: no space left on device, write)\n');
      expect(result.exitCode).toBe(2);
      expect(readFileSync(baseline).equals(before)).toBe(true);
      expect(readdirSync(root).sort()).toEqual(['orch-guard-baseline.json', 'orch.config.json', 'package.json', 'src']);
    });
  });

  test('run: outputs the cache cannot keep (or restore) cost the cache only; the task passes, a notice says so', async () => {
    const files = {
      'package.json': '{ "name": "app", "main": "src/index.js" }\n',
      'src/index.js': 'export const main = 1;\n',
      'in.txt': 'input\n',
      'orch.config.json': JSON.stringify({ pipeline: { tasks: [{ id: 'build', run: 'mkdir -p out && node -e "process.stdout.write(Buffer.alloc(300000, 7))" > out/blob.bin', inputs: ['in.txt'], outputs: ['out/**'] }] } }),
    };
    await onSmallDisk('pipeline', files, async (root, fill) => {
      const run = () => runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });
      fill(450); // room for the output, not for its copy in the cache
      const unkept = await run();
      expect(unkept.stderr).toBe('orch-guard: task cache: the outputs of build were not kept (ENOSPC: no space left on device, write); it runs again next time\n');
      expect(unkept.exitCode).toBe(0);
      expect(existsSync(path.join(root, '.orch-guard/task-cache')) ? readdirSync(path.join(root, '.orch-guard/task-cache'), { recursive: true }).filter((entry) => String(entry).includes('files')) : []).toEqual([]);
      rmSync(path.join(disk as string, 'pipeline.filler'));
      expect((await run()).exitCode).toBe(0); // kept this time
      rmSync(path.join(root, 'out'), { recursive: true });
      fill(100); // no room to restore it
      const unrestored = await run();
      expect(unrestored.stderr).toContain('orch-guard: task cache: the outputs of build could not be restored (ENOSPC: no space left on device, write); it runs instead\n');
      // The task ran instead (what it made of the full disk is its own affair): no internal error.
      expect([0, 1]).toContain(unrestored.exitCode);
      expect(readFileSync(path.join(root, '.orch-guard/runs/3/events.jsonl'), 'utf8')).toContain('"type":"attempt-started"');
    });
  });

  test('init --force that cannot write the new config leaves the old one in force (it was only in .bak: the defaults applied)', async () => {
    const files = { 'package.json': '{ "name": "app", "main": "src/index.js" }\n', 'src/index.js': 'export const main = 1;\n' };
    await onSmallDisk('init', files, async (root, fill) => {
      const config = readFileSync(path.join(root, 'orch.config.json'));
      fill(0);
      const result = await runFaultCli(['init', '--force', '--no-hook', '--no-ci', '--root', root]);
      expect(result.stderr).toBe('orch-guard: the disk is full (ENOSPC: no space left on device, write)\n');
      expect(result.exitCode).toBe(2);
      expect(readFileSync(path.join(root, 'orch.config.json')).equals(config)).toBe(true);
      expect(readdirSync(root).filter((name) => name.startsWith('orch.config')).sort()).toEqual(['orch.config.json', 'orch.config.json.bak']);
    });
  });
});
