import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The tests write thousands of small temp projects, git repositories and SQLite registries: on
// a tmpfs they cost memory, on a disk they wait for fsyncs. /dev/shm is used when it exists.
const memoryTmpdir = existsSync('/dev/shm') ? '/dev/shm' : undefined;

export default defineConfig({
  test: {
    dir: 'test',
    testTimeout: 120_000,
    // The default is cores - 1 (one worker on two cores), but most end-to-end tests wait on child
    // processes (the CLI, git, pipeline tasks), so more workers than cores keep the cores busy.
    maxWorkers: 4,
    env: memoryTmpdir !== undefined ? { TMPDIR: memoryTmpdir } : {},
  },
});
