import { parentPort } from 'node:worker_threads';
import { loadTypeScript, saveTypeScriptCodeCache } from '../typescript/load-typescript.js';
import { type ParseJob, parseFile } from './parse-file.js';

// A worker thread: receives batches of parse jobs, answers with their outcomes. The compiler is
// loaded at once, so a worker started ahead of the file list is ready when the first batch comes.
loadTypeScript();
parentPort?.on('message', (jobs: ParseJob[]) => {
  parentPort?.postMessage(jobs.map((job) => parseFile(loadTypeScript, job)));
  saveTypeScriptCodeCache();
});
