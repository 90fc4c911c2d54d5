import { array, boolean, type Infer, number, object, oneOf, optional, record, string } from './schema-builder.js';

const globList = (description: string) => optional(array(string({ minLength: 1 }), { description }));

const severitySetting = oneOf(['error', 'warn', 'off'] as const, {
  description: 'error fails the run, warn reports without failing, off disables the rule.',
});

/** The schema of orch.config.ts: the source of `OrchGuardConfig` and of the JSON Schema. */
export const configSchema = object({
  $schema: optional(string({ description: 'Path or URL of this JSON Schema (for editors).' })),
  entries: globList('Entry files (globs, relative to the root): code reachable from them is live. Added to package.json entries and the conventional defaults.'),
  project: globList('Project files (globs). Default: every TS/JS file under the root that git does not ignore.'),
  ignore: globList('Files whose findings are not reported (globs). They still take part in the analysis.'),
  includeEntryExports: optional(boolean({ description: 'Report unused exports of entry files too (by default they are public API).' })),
  rules: optional(record(severitySetting, {
    description: 'Severity per rule id, overriding each rule\'s default.',
    keyPattern: /^[a-z][a-z0-9-]*$/,
  })),
  maxFileSizeKb: optional(number({
    description: 'Files larger than this are skipped with a notice (imports still scanned). Default 2048.',
    integer: true,
    minimum: 1,
  })),
  registry: optional(string({ description: 'Path of the registry database, relative to the root. Default .orch-guard/registry.db.' })),
}, { description: 'orch-guard configuration (orch.config.ts).' });

export type OrchGuardConfig = Infer<typeof configSchema>;
export type SeveritySetting = Infer<typeof severitySetting>;
