import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isProcessAlive } from '../../src/process/process-identity.js';
import { writeTempProject } from '../support/temp-project.js';
import { runFaultCli, startCli, waitFor } from './fault-cli.js';

const isAlive = (pid: number) => isProcessAlive(pid, null);
const readPid = (file: string) => Number(readFileSync(file, 'utf8'));

/**
 * A task that records its shell's pid, starts a daemon that leaves the process group
 * (setsid), and sleeps; once `done` exists in the scratch folder it passes at once instead.
 */
const TASK = (scratch: string) => `[ -f ${scratch}/done ] && exit 0; echo $$ > ${scratch}/task.pid; `
  + `node -e "const c=require('child_process').spawn('sleep',['300'],{detached:true,stdio:'ignore'});require('fs').writeFileSync('${scratch}/daemon.pid',String(c.pid));c.unref()"; sleep 300`;

/** A project whose one task is TASK; whatever is left running is killed afterwards. */
async function withSleepingTask(work: (root: string, scratch: string) => Promise<void>): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'orch-guard-runner-'));
  const root = writeTempProject({
    'package.json': '{ "name": "app", "main": "src/index.js" }\n',
    'src/index.js': 'export const main = 1;\n',
    'orch.config.json': JSON.stringify({ pipeline: { gracePeriod: 500, tasks: [{ id: 'sleeper', run: TASK(scratch) }] } }),
  });
  try {
    await work(root, scratch);
  } finally {
    for (const name of ['task.pid', 'daemon.pid']) {
      const file = path.join(scratch, name);
      if (existsSync(file) && isAlive(readPid(file))) process.kill(readPid(file), 'SIGKILL');
    }
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Starts `run` and waits until its task and the task's daemon run. */
async function startSleepingRun(root: string, scratch: string) {
  const run = startCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' }, timeoutMs: 30_000 });
  await waitFor(() => existsSync(path.join(scratch, 'daemon.pid')) && existsSync(path.join(root, '.orch-guard/runs/1/watchdog.pid')), 20_000, 'the task and its daemon to start');
  return run;
}

/** Whether the process is gone, given time to be stopped (SIGTERM, then SIGKILL after the 500 ms grace period). */
async function stopped(pid: number): Promise<boolean> {
  await waitFor(() => !isAlive(pid), 10_000, `pid ${pid} to be gone`).catch(() => undefined);
  return !isAlive(pid);
}

describe.concurrent('kill -9 of `orch-guard run` does not leave its tasks running', () => {
  test('the watchdog stops the task\'s process group and the daemon that left it, then exits', async () => {
    await withSleepingTask(async (root, scratch) => {
      const run = await startSleepingRun(root, scratch);
      const watchdog = readPid(path.join(root, '.orch-guard/runs/1/watchdog.pid'));
      run.child.kill('SIGKILL');
      await run.result;
      expect(await stopped(readPid(path.join(scratch, 'task.pid')))).toBe(true);
      expect(await stopped(readPid(path.join(scratch, 'daemon.pid')))).toBe(true);
      expect(await stopped(watchdog)).toBe(true);
    });
  });

  test('with its watchdog killed too, the next `run` stops what the dead run left before it starts', async () => {
    await withSleepingTask(async (root, scratch) => {
      const run = await startSleepingRun(root, scratch);
      const watchdog = readPid(path.join(root, '.orch-guard/runs/1/watchdog.pid'));
      process.kill(watchdog, 'SIGKILL');
      run.child.kill('SIGKILL');
      await run.result;
      const task = readPid(path.join(scratch, 'task.pid'));
      const daemon = readPid(path.join(scratch, 'daemon.pid'));
      expect(isAlive(task)).toBe(true);
      expect(isAlive(daemon)).toBe(true);
      rmSync(path.join(scratch, 'daemon.pid'));
      rmSync(path.join(scratch, 'task.pid'));
      writeDone(scratch);
      const next = await runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });
      expect(next.exitCode).toBe(0);
      expect(isAlive(task)).toBe(false);
      expect(isAlive(daemon)).toBe(false);
    });
  });

  test('after a normal run the watchdog is gone too', async () => {
    await withSleepingTask(async (root, scratch) => {
      writeDone(scratch);
      const result = await runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });
      expect(result.exitCode).toBe(0);
      expect(await stopped(readPid(path.join(root, '.orch-guard/runs/1/watchdog.pid')))).toBe(true);
    });
  });
});

function writeDone(scratch: string): void {
  writeFileSync(path.join(scratch, 'done'), '');
}
