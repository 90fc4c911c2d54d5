import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, removeTemp, runCli } from '../support/run-cli.js';
import { copyPipelineCase } from './pipeline-case.js';

const temps: string[] = [];
afterEach(() => {
  while (temps.length > 0) removeTemp(temps.pop() as string);
});

describe('orch-guard metrics', () => {
  it('counts over the kept runs what each gate caught and whom it blamed, task outcomes and the trend', async () => {
    const root = copyPipelineCase('forgets-wiring');
    temps.push(root);
    for (let run = 0; run < 2; run += 1) {
      expect((await runCli(['run'], { cwd: root, env: { CI: 'true' } })).exitCode).toBe(1);
      // The next run starts from the same tree as the first: what the tasks wrote is taken away.
      for (const built of ['src/billing', 'src/api', 'src/reports']) rmSync(path.join(root, built), { recursive: true, force: true });
      copyFileSync(path.join(FIXTURES, 'pipeline/base/src/index.ts'), path.join(root, 'src/index.ts'));
    }
    const json = await runCli(['metrics', '--reporter', 'json'], { cwd: root });
    expect(json.stderr).toBe('');
    expect(json.exitCode).toBe(0);
    const metrics = JSON.parse(json.stdout);
    expect(metrics.runs).toEqual({ kept: 2, retention: 200, byStatus: { failed: 2 } });
    // Each run: reports' unused file blamed on build-reports at wave 1; billing's pending until api was built.
    expect(metrics.findings.find((row: { gate: string; rule: string }) => row.gate === 'wave' && row.rule === 'unused-file'))
      .toEqual({ gate: 'wave', rule: 'unused-file', blocking: 2, pending: 2, warning: 0, blamedOn: { 'build-reports': 2 } });
    expect(metrics.tasks.find((row: { task: string }) => row.task === 'build-reports')).toMatchObject({ runs: 2, passed: 0, blocked: 2, failed: 0, retried: 0 });
    expect(metrics.tasks.find((row: { task: string }) => row.task === 'publish-reports')).toMatchObject({ runs: 2, skipped: 2 });
    expect(metrics.trend.map((row: { run: number; deadCode: number; duplicates: number; blockedTasks: number }) => [row.run, row.deadCode, row.duplicates, row.blockedTasks]))
      .toEqual([[1, 1, 0, 1], [2, 1, 0, 1]]);
    expect(metrics.phases.map((row: { phase: string }) => row.phase)).toEqual(expect.arrayContaining(['plan', 'build', 'wave', 'validate', 'cleanup', 'tasks']));

    const text = await runCli(['metrics'], { cwd: root });
    expect(text.stdout.split('\n')[0]).toBe('2 runs kept (retention 200): 2 failed');
    expect(text.stdout).toMatch(/^ {2}wave +unused-file +2 +2 +0 +build-reports 2$/m);
    const html = await runCli(['metrics', '--reporter', `html:${path.join(root, 'metrics.html')}`], { cwd: root });
    expect(html.exitCode).toBe(0);
    const page = readFileSync(path.join(root, 'metrics.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).not.toContain('<script');
    const bad = await runCli(['metrics', '--reporter', 'csv'], { cwd: root });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('orch-guard: --reporter csv: metrics supports text, json, html\n');
  });
});
