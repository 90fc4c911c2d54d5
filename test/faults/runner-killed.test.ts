import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isProcessAlive } from '../../src/process/process-identity.js';
import { commitAll, createGitRepo } from '../support/git-repo.js';
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

/** After a failed test: the process whose pid the file holds, and its process group (it leads one). */
function killLeftover(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  for (const target of [-readPid(pidFile), readPid(pidFile)]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

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
    killLeftover(path.join(scratch, 'task.pid'));
    killLeftover(path.join(scratch, 'daemon.pid'));
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

describe.concurrent('kill -9 of `cleanup --fix` while it verifies does not leave the project\'s tests running', () => {
  test('the verification command is stopped; the next command rolls the files back', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'orch-guard-verify-'));
    const root = createGitRepo({
      'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
      'src/index.js': 'console.log(1);\n',
      'src/dead.js': 'export const dead = 1;\n',
      'orch.config.json': JSON.stringify({ cleanup: { verify: [`[ -f src/dead.js ] && exit 0; echo $$ > ${scratch}/verify.pid; sleep 300`] } }),
    });
    try {
      commitAll(root, 'initial');
      const fix = startCli(['cleanup', '--fix', '--root', root], { timeoutMs: 30_000 });
      // The verification of the tree before the edit passes at once; the one after it hangs.
      await waitFor(() => !existsSync(path.join(root, 'src/dead.js')) && existsSync(path.join(scratch, 'verify.pid')), 20_000, 'the verification of the cleaned tree');
      const verify = readPid(path.join(scratch, 'verify.pid'));
      fix.child.kill('SIGKILL');
      await fix.result;
      expect(await stopped(verify)).toBe(true);
      expect((await runFaultCli(['validate', '--root', root])).stderr).toContain('cleanup #1 was interrupted before it was verified: rolled back (1 file restored)');
      expect(readFileSync(path.join(root, 'src/dead.js'), 'utf8')).toBe('export const dead = 1;\n');
    } finally {
      killLeftover(path.join(scratch, 'verify.pid'));
      rmSync(root, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
