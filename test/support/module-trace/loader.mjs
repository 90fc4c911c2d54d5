// Module hooks (they run on a thread of their own): each module's URL is written before it loads,
// synchronously, so the trace is whole when the process ends however it ends.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
