import { setFlagsFromString } from 'node:v8';

// Imported first by bin.ts, before the modules that do the work are evaluated.
// V8 optimises a function (TurboFan, on a background thread) once it has spent an "interrupt
// budget" of bytecode. A run is one pass over the project: most functions run hot for a short
// while and the optimising compiler's work is not paid back, while on a busy machine (a
// pre-commit hook beside an editor and a build) its thread takes a core the run needs. A
// larger budget leaves the short bursts in the baseline tiers and still optimises real hot
// loops. Measured (2 cores, busy): one-file-changed validate on zod -15% CPU, cold effect -13%.
setFlagsFromString(`--interrupt-budget=${8 * 132 * 1024}`);
