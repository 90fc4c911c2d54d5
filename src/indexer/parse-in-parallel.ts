import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadTypeScript, saveTypeScriptCodeCache } from '../typescript/load-typescript.js';
import { type ParseJob, type ParseOutcome, parseFile } from './parse-file.js';

/** Below this many files, starting workers (each loads the compiler) costs more than it saves. */
const MIN_JOBS_FOR_WORKERS = 40;
const BATCH_SIZE = 16;

/**
 * Parses files on worker threads (one per core) with a shared queue of small batches, so a
 * few large files do not leave a core idle. Small jobs, and runs from TypeScript sources (tests),
 * parse on the main thread.
 */
export async function parseInParallel(jobs: ParseJob[], onProgress?: (done: number, total: number) => void): Promise<ParseOutcome[]> {
  const workerUrl = new URL('./parse-worker.js', import.meta.url);
  const canUseWorkers = import.meta.url.endsWith('.js');
  const workerCount = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_JOBS_FOR_WORKERS));
  if (!canUseWorkers || workerCount <= 1) {
    const outcomes: ParseOutcome[] = [];
    for (const job of jobs) {
      outcomes.push(parseFile(loadTypeScript, job));
      onProgress?.(outcomes.length, jobs.length);
    }
    saveTypeScriptCodeCache();
    return outcomes;
  }
  // Largest files first: the long poles start early.
  const queue = [...jobs].sort((a, b) => b.size - a.size);
  const outcomes: ParseOutcome[] = [];
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(workerUrl);
    const sendNext = () => {
      const batch = queue.splice(0, BATCH_SIZE);
      if (batch.length === 0) {
        void worker.terminate().then(() => resolve());
        return;
      }
      worker.postMessage(batch);
    };
    worker.on('message', (batchOutcomes: ParseOutcome[]) => {
      outcomes.push(...batchOutcomes);
      onProgress?.(outcomes.length, jobs.length);
      sendNext();
    });
    worker.on('error', reject);
    sendNext();
  });
  await Promise.all(Array.from({ length: workerCount }, runWorker));
  return outcomes;
}
