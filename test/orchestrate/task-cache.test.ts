import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTemp, runCli } from '../support/run-cli.js';
import { copyPipelineCase, executions, readEvents } from './pipeline-case.js';

const temps: string[] = [];
afterEach(() => {
  while (temps.length > 0) removeTemp(temps.pop() as string);
});

describe('orch-guard run: the task cache', () => {
  it('restores a task\'s outputs instead of running it while its inputs, command and env are unchanged', async () => {
    const root = copyPipelineCase('task-cache');
    temps.push(root);
    const env = { CI: 'true' };
    expect((await runCli(['run'], { cwd: root, env })).exitCode).toBe(0);
    const output = path.join(root, 'src/billing/index.ts');
    const built = readFileSync(output, 'utf8');
    rmSync(output);

    // Same inputs: the output comes back from the cache, the command does not run, the gates still judge it.
    expect((await runCli(['run'], { cwd: root, env })).exitCode).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(built);
    expect(executions(root)['gen-billing']).toBe(1);
    expect(readEvents(root, 2).find((event) => event.type === 'task-restored')).toMatchObject({ task: 'gen-billing' });
    expect(readEvents(root, 2).filter((event) => event.type === 'gate' && event.phase === 'produces').map((event) => event.verdict)).toEqual(['pass']);

    // --no-task-cache runs it; a changed input runs it too.
    expect((await runCli(['run', '--no-task-cache'], { cwd: root, env })).exitCode).toBe(0);
    expect(executions(root)['gen-billing']).toBe(2);
    appendFileSync(path.join(root, 'tasks/templates/billing.ts'), '// changed\n');
    expect((await runCli(['run'], { cwd: root, env })).exitCode).toBe(0);
    expect(executions(root)['gen-billing']).toBe(3);
    expect(existsSync(path.join(root, '.orch-guard/task-cache'))).toBe(true);
  });

  it('restores an output with its mode, and never through a folder a symlink now leads outside the root', async () => {
    const root = copyPipelineCase('task-cache');
    temps.push(root);
    const outside = mkdtempSync(path.join(tmpdir(), 'orch-guard-outside-'));
    temps.push(outside);
    const env = { CI: 'true' };
    expect((await runCli(['run'], { cwd: root, env })).exitCode).toBe(0);
    const output = path.join(root, 'src/billing/index.ts');
    const mode = statSync(output).mode & 0o777;
    rmSync(output);
    expect((await runCli(['run'], { cwd: root, env })).exitCode).toBe(0);
    expect(statSync(output).mode & 0o777).toBe(mode);

    rmSync(path.join(root, 'src/billing'), { recursive: true });
    symlinkSync(outside, path.join(root, 'src/billing'));
    const run = await runCli(['run'], { cwd: root, env });
    expect(`${run.stdout}${run.stderr}`).toContain(`task cache: refuses to restore src/billing/index.ts: it leads outside the root (${path.join(outside, 'index.ts')})`);
    expect(run.exitCode).not.toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });
});
