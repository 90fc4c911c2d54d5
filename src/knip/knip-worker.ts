import { parentPort, workerData } from 'node:worker_threads';
import { runKnip } from './run-knip.js';

// A worker thread: runs knip once on workerData.root (with its nested packages) and posts the answer (or the error's
// message). knip loads the project's tool configs, which may print or exit: here that stays
// inside the thread.
const { root, nestedDirs } = workerData as { root: string; nestedDirs: string[] };
try {
  parentPort?.postMessage({ ok: true, answer: await runKnip(root, nestedDirs) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
