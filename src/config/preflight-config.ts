import { Worker } from 'node:worker_threads';
import { ConfigError } from '../errors.js';

/** How long loading a config may take; ORCH_GUARD_CONFIG_TIMEOUT_MS sets another limit. */
function configTimeoutMs(): number {
  const configured = Number(process.env.ORCH_GUARD_CONFIG_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000;
}

/**
 * Loads the config module once in a worker thread, under a time limit, before the main thread
 * loads it: a config that loops, awaits forever at the top level or keeps running can only be
 * stopped from another thread. A config that loads there loads the same way in the main thread.
 */
export async function preflightConfig(file: string, kind: 'esm' | 'cjs', label: string): Promise<void> {
  const workerUrl = new URL('./preflight-worker.js', import.meta.url);
  // From TypeScript sources (unit tests) there is no compiled worker to start.
  if (!import.meta.url.endsWith('.js')) return;
  const timeoutMs = configTimeoutMs();
  const worker = new Worker(workerUrl, { workerData: { file, kind }, stdout: true, stderr: true });
  try {
    const outcome = await new Promise<{ ok: boolean; message?: string } | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      worker.once('message', (message: { ok: boolean; message?: string }) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        resolve({ ok: false, message: error.message.split('\n')[0] });
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        // Node ends a thread whose top-level await can never settle with exit code 13.
        resolve({ ok: false, message: code === 13 ? 'its top-level await never settles' : `it ended the process (exit code ${code})` });
      });
    });
    if (outcome === 'timeout') {
      throw new ConfigError(`${label}: did not finish loading within ${timeoutMs / 1000} s (a loop, or a top-level await that never settles?)`);
    }
    if (!outcome.ok) throw new ConfigError(`${label}: failed to load: ${outcome.message}`);
  } finally {
    await worker.terminate();
  }
}
