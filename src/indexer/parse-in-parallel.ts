import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gitBlobId } from '../files/blob-id.js';
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
export async function parseInParallel(allJobs: ParseJob[], onProgress?: (done: number, total: number) => void): Promise<ParseOutcome[]> {
  const { unchanged, jobs } = screenUnchanged(allJobs);
  const outcomes: ParseOutcome[] = [...unchanged];
  if (unchanged.length > 0) onProgress?.(outcomes.length, allJobs.length);
  const workerUrl = new URL('./parse-worker.js', import.meta.url);
  const canUseWorkers = import.meta.url.endsWith('.js');
  const workerCount = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_JOBS_FOR_WORKERS));
  if (!canUseWorkers || workerCount <= 1) {
    for (const job of jobs) {
      outcomes.push(parseFile(loadTypeScript, job));
      onProgress?.(outcomes.length, allJobs.length);
    }
    if (jobs.length > 0) saveTypeScriptCodeCache();
    return outcomes;
  }
  // Largest files first: the long poles start early.
  const queue = [...jobs].sort((a, b) => b.size - a.size);
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
      onProgress?.(outcomes.length, allJobs.length);
      sendNext();
    });
    worker.on('error', reject);
    sendNext();
  });
  await Promise.all(Array.from({ length: workerCount }, runWorker));
  return outcomes;
}

/**
 * Jobs for files indexed before whose stat could not vouch (touched, checked out, just
 * written) are mostly unchanged: their content is hashed here, on the main thread, so only
 * files whose content really changed count towards starting workers (each loads the compiler).
 * A changed file keeps the bytes read; a file that cannot be read is left to parseFile to report.
 */
function screenUnchanged(jobs: readonly ParseJob[]): { unchanged: ParseOutcome[]; jobs: ParseJob[] } {
  const unchanged: ParseOutcome[] = [];
  const remaining: ParseJob[] = [];
  for (const job of jobs) {
    if (job.cachedHash === undefined || job.content !== undefined) {
      remaining.push(job);
      continue;
    }
    let content: Buffer;
    try {
      content = readFileSync(job.absolutePath);
    } catch {
      remaining.push(job);
      continue;
    }
    const hash = gitBlobId(content);
    if (hash === job.cachedHash) unchanged.push({ path: job.path, status: 'unchanged', hash });
    else remaining.push({ ...job, content, size: content.length });
  }
  return { unchanged, jobs: remaining };
}
