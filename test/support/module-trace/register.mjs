// Given to the CLI as `node --import <this file>` (through NODE_OPTIONS) with MODULE_TRACE_FILE
// set: every ES module the process loads is appended to that file, one URL a line, before it
// is evaluated; at exit, the CommonJS modules it required (TypeScript, ts-morph, ...) too.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.MODULE_TRACE_FILE;
if (file !== undefined) {
  register('./loader.mjs', import.meta.url, { data: { file } });
  const required = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(file, Object.keys(required).map((key) => `${key}\n`).join('')));
}
