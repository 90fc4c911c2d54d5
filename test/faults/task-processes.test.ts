import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isProcessAlive } from '../../src/process/process-identity.js';
import { writeTempProject } from '../support/temp-project.js';
import { runFaultCli, startCli, waitFor } from './fault-cli.js';

const isAlive = (pid: number) => isProcessAlive(pid, null);

// A child that calls setsid() (Node's detached: true) leaves the task's process group, as a
// daemon does; it writes its pid where the test can find it.
const DAEMON = (pidFile: string) => `node -e "const c=require('child_process').spawn('sleep',['300'],{detached:true,stdio:'ignore'});require('fs').writeFileSync('${pidFile}',String(c.pid));c.unref()"`;

/** A project whose pipeline runs `tasks(scratch)`; a daemon left behind is killed afterwards. */
async function withPipeline(tasks: (pidFile: string) => unknown[], gracePeriod: number, work: (root: string, pidFile: string) => Promise<void>): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'orch-guard-tasks-'));
  const pidFile = path.join(scratch, 'daemon.pid');
  const root = writeTempProject({
    'package.json': '{ "name": "app", "main": "src/index.js" }\n',
    'src/index.js': 'export const main = 1;\n',
    'orch.config.json': JSON.stringify({ pipeline: { gracePeriod, tasks: tasks(pidFile) } }),
  });
  try {
    await work(root, pidFile);
  } finally {
    if (existsSync(pidFile) && isAlive(Number(readFileSync(pidFile, 'utf8')))) process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Whether the daemon is gone (given a moment to die after its signal). */
async function daemonStopped(pidFile: string): Promise<boolean> {
  const daemon = Number(readFileSync(pidFile, 'utf8'));
  await waitFor(() => !isAlive(daemon), 3_000, 'the daemon to be gone').catch(() => undefined);
  return !isAlive(daemon);
}

describe.concurrent('processes started by tasks do not outlive their task', () => {
  test('a daemon that left the process group (setsid) is stopped when its task ends', async () => {
    await withPipeline((pidFile) => [{ id: 'starts-daemon', run: DAEMON(pidFile) }], 500, async (root, pidFile) => {
      const result = await runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });
      expect(result.exitCode).toBe(0);
      expect(await daemonStopped(pidFile)).toBe(true);
    });
  });

  test('on timeout, the daemon is stopped with the task', async () => {
    await withPipeline((pidFile) => [{ id: 'slow', run: `${DAEMON(pidFile)} && sleep 60`, timeout: 1500 }], 500, async (root, pidFile) => {
      const result = await runFaultCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' } });
      expect(result.exitCode).toBe(1);
      expect(await daemonStopped(pidFile)).toBe(true);
    });
  });

  test('a second Ctrl-C escalates to SIGKILL: no wait for a 60 s grace period', async () => {
    await withPipeline(() => [{ id: 'stubborn', run: "trap '' TERM; sleep 100" }], 60_000, async (root) => {
      const run = startCli(['run', '--no-gates', '--root', root], { env: { CI: 'true' }, timeoutMs: 30_000 });
      const events = path.join(root, '.orch-guard/runs/1/events.jsonl');
      await waitFor(() => existsSync(events) && readFileSync(events, 'utf8').includes('"attempt-started"'), 20_000, 'the task to start');
      const started = Date.now();
      run.child.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 500));
      run.child.kill('SIGINT');
      const result = await run.result;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.exitCode).toBe(130);
      expect(result.stderr).toContain('stopping the tasks with SIGKILL now');
    });
  }, 60_000);
});
