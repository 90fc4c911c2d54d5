import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordedEvent, RunEvent } from '../../src/orchestrate/run-events.js';
import { createLiveProgress } from '../../src/orchestrate/view/live-progress.js';
import { applyEvent, type ProgressModel } from '../../src/orchestrate/view/progress-model.js';
import { renderProgress } from '../../src/orchestrate/view/render-progress.js';

const START = Date.parse('2026-01-01T00:00:00.000Z');
let seq = 0;
const at = (ms: number, event: RunEvent): RecordedEvent => ({ seq: (seq += 1), time: new Date(START + ms).toISOString(), ...event } as RecordedEvent);

const started = at(0, {
  type: 'run-started', runId: 4, resumed: false, maxParallel: 2, kept: [],
  tasks: [
    { id: 'build-billing', wave: 1, dependsOn: [], role: 'build', component: 'billing' },
    { id: 'build-reports', wave: 1, dependsOn: [], role: 'build' },
    { id: 'lint', wave: 1, dependsOn: [], role: 'build' },
    { id: 'wire-api', wave: 2, dependsOn: ['build-billing'], role: 'build' },
    { id: 'publish', wave: 2, dependsOn: ['lint'], role: 'build' },
  ],
});

function modelAfter(events: RecordedEvent[]): ProgressModel {
  return events.reduce<ProgressModel | undefined>((model, event) => applyEvent(model, event), undefined) as ProgressModel;
}

describe('the live progress view', () => {
  it('shows the wave, the running tasks with their elapsed time, and what each queued task waits for', () => {
    const model = modelAfter([
      started,
      at(10, { type: 'wave-started', wave: 1, tasks: ['build-billing', 'build-reports', 'lint'] }),
      at(20, { type: 'attempt-started', task: 'build-billing', attempt: 1, pid: 11, logFile: 'b.log' }),
      at(30, { type: 'attempt-started', task: 'lint', attempt: 2, pid: 12, logFile: 'l.log' }),
    ]);
    expect(renderProgress(model, START + 2_530)).toEqual([
      'run #4 · wave 1/2 · 2.5s · 2 running · 3 queued',
      '  ▸ build-billing  2.5s',
      '  ▸ lint           2.5s  attempt 2',
      '  · build-reports  waits for a free slot (2 at once)',
      '  · wire-api       waits for build-billing',
      '  · publish        waits for lint',
    ]);
  });

  it('says when a wave has ended and its validation gate runs', () => {
    const model = modelAfter([
      started,
      at(10, { type: 'wave-started', wave: 1, tasks: ['build-billing', 'build-reports', 'lint'] }),
      at(20, { type: 'task-finished', task: 'build-billing', status: 'passed', attempts: 1, exitCode: 0, durationMs: 5 }),
      at(30, { type: 'task-finished', task: 'build-reports', status: 'failed', attempts: 1, exitCode: 1, durationMs: 5 }),
      at(40, { type: 'task-finished', task: 'lint', status: 'passed', attempts: 1, exitCode: 0, durationMs: 5 }),
    ]);
    expect(renderProgress(model, START + 1_000)).toEqual([
      'run #4 · wave 1/2, validation gate · 1.0s · 2 passed · 1 failed · 2 queued',
      '  · wire-api  waits for wave 1 to end at its validation gate',
      '  · publish   waits for wave 1 to end at its validation gate',
    ]);
  });

  it('by dependencies: shows the gate under way, the timeout left, a retry countdown, and a wait for a sync point', () => {
    const model = modelAfter([
      at(0, {
        type: 'run-started', runId: 5, resumed: false, maxParallel: 3, kept: [], schedule: 'dependencies',
        syncPoints: [{ number: 1, after: ['build-billing'] }],
        tasks: [
          { id: 'build-billing', wave: 1, dependsOn: [], role: 'build', component: 'billing' },
          { id: 'flaky', wave: 1, dependsOn: [], role: 'build' },
          { id: 'slow', wave: 1, dependsOn: [], role: 'build', timeoutMs: 10_000 },
          { id: 'wire-api', wave: 2, dependsOn: ['build-billing'], role: 'build' },
          { id: 'after-slow', wave: 2, dependsOn: ['slow'], role: 'build' },
        ],
      }),
      at(5, { type: 'gate', phase: 'plan', verdict: 'pass', tasks: [], detail: [], findings: [], durationMs: 5 }),
      at(10, { type: 'attempt-started', task: 'build-billing', attempt: 1, pid: 11, logFile: 'b.log' }),
      at(10, { type: 'attempt-started', task: 'flaky', attempt: 1, pid: 12, logFile: 'f.log' }),
      at(10, { type: 'attempt-started', task: 'slow', attempt: 1, pid: 13, logFile: 's.log' }),
      at(500, { type: 'task-finished', task: 'build-billing', status: 'passed', attempts: 1, exitCode: 0, durationMs: 490 }),
      at(510, { type: 'gate-started', phase: 'sync', wave: 1 }),
      at(600, { type: 'retry-scheduled', task: 'flaky', attempt: 2, delayMs: 2_000 }),
    ]);
    expect(renderProgress(model, START + 1_010)).toEqual([
      'run #5 · by dependencies · gate at sync point 1 500 ms · 1.0s · 1 passed · 2 running · 2 queued',
      '  ▸ flaky       retry in 1.6s (attempt 2)',
      '  ▸ slow        1.0s  timeout in 9.0s',
      '  · wire-api    waits for the gate at sync point 1 (after build-billing)',
      '  · after-slow  waits for slow',
    ]);
  });

  afterEach(() => vi.useRealTimers());

  it('redraws the block in place under the lines of finished work, and erases it at the end', () => {
    vi.useFakeTimers({ now: START });
    const written: string[] = [];
    const view = createLiveProgress({ write: (text) => written.push(text), columns: 80 }, () => []);
    view.onEvent(started);
    expect(written).toEqual([
      'run #4: 5 tasks in 2 waves, at most 2 at once\n',
      ['run #4 · plan gate · 0 ms · 5 queued', ...['build-billing', 'build-reports', 'lint', 'wire-api', 'publish'].map((id) => `  · ${id.padEnd(13)}  waits for the plan gate`)].join('\n') + '\n',
    ]);
    written.length = 0;
    vi.setSystemTime(START + 20);
    view.onEvent(at(10, { type: 'wave-started', wave: 1, tasks: ['build-billing', 'build-reports', 'lint'] }));
    view.onEvent(at(20, { type: 'attempt-started', task: 'lint', attempt: 1, pid: 12, logFile: 'l.log' }));
    // The wave's line scrolls up above the block (erased first); the redraw waits for the 80 ms throttle.
    expect(written).toEqual(['\x1b[6F\x1b[J', 'wave 1: build-billing, build-reports, lint\n']);
    vi.advanceTimersByTime(1_500);
    const block = written.at(-1) as string;
    expect(block.split('\n')).toEqual([
      'run #4 · wave 1/2 · 1.5s · 1 running · 4 queued',
      '  ▸ lint           1.5s',
      '  · build-billing  waits for a free slot (2 at once)',
      '  · build-reports  waits for a free slot (2 at once)',
      '  · wire-api       waits for build-billing',
      '  · publish        waits for lint',
      '',
    ]);
    view.close();
    expect(written.at(-1)).toBe('\x1b[6F\x1b[J');
  });
});
