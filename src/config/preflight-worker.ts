import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Loads a config module in a worker thread (see preflightConfig): reports when it has loaded,
 * or how it failed. The main thread stops this thread if it takes too long.
 */
const { file, kind } = workerData as { file: string; kind: 'esm' | 'cjs' };
try {
  if (kind === 'cjs') createRequire(file)(file);
  else await import(pathToFileURL(file).href);
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
}
