#!/usr/bin/env node
import './v8-tuning.js';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const exitCode = await main(process.argv, fileURLToPath(import.meta.url));
// The work is done: whatever a config or a library left scheduled (a setInterval, an open
// handle) must not keep the process alive. Output is flushed first.
await new Promise<void>((resolve) => process.stdout.write('', () => process.stderr.write('', () => resolve())));
process.exit(exitCode);
