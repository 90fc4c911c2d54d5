import { pipelineSchema } from './pipeline-schema.js';
import { array, boolean, type Infer, number, object, oneOf, optional, record, string } from './schema-builder.js';

const globList = (description: string) => optional(array(string({ minLength: 1 }), { description }));

const severitySetting = oneOf(['error', 'warn', 'off'] as const, {
  description: 'error fails the run, warn reports without failing, off disables the rule.',
});

const componentSchema = object({
  paths: array(string({ minLength: 1 }), { description: 'Files of the component (globs). A file belongs to the first component whose paths match it.' }),
  provides: optional(array(string({ minLength: 1 }), {
    description: 'Symbols the component provides, as `Name` or `Name:kind` (function, class, variable, type, interface, enum, namespace). Default: the exports of its index/entry file.',
  })),
  requires: optional(array(string({ minLength: 1 }), {
    description: 'What it needs: `"<component>"`, `"<component>:<Symbol>"` or `"<path>#<Symbol>"` (a `:kind` suffix checks the kind).',
  })),
  consumedBy: optional(array(string({ minLength: 1 }), { description: 'Components whose live production code must use every provided symbol.' })),
  mayImport: optional(array(string({ minLength: 1 }), { description: 'Further components it may import from, beyond those it requires.' })),
}, { description: 'A component and its integration contract.' });

/** The schema of orch.config.ts: the source of `OrchGuardConfig` and of the JSON Schema. */
export const configSchema = object({
  $schema: optional(string({ description: 'Path or URL of this JSON Schema (for editors).' })),
  entries: globList('Entry files (globs, relative to the root): code reachable from them is live. Added to package.json entries and the conventional defaults.'),
  project: globList('Project files (globs). Default: every TS/JS file under the root that git does not ignore.'),
  ignore: globList('Files whose findings are not reported (globs). They still take part in the analysis.'),
  includeEntryExports: optional(boolean({ description: 'Report unused exports of entry files too (by default they are public API).' })),
  extends: optional(oneOf(['recommended'] as const, {
    description: 'A preset of rule severities: `recommended` also turns on opt-in rules such as circular-import (as warnings). `rules` overrides it.',
  })),
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
  components: optional(record(componentSchema, {
    description: 'Components and their contracts: what each provides and requires, who consumes it, what it may import.',
    keyPattern: /^[A-Za-z][\w-]*$/,
  })),
  cleanup: optional(object({
    verify: optional(array(string({ minLength: 1 }), {
      description: 'Commands that must pass after `cleanup --fix` (after `tsc --noEmit`), e.g. the test command. Removals that break them are found by bisection and restored.',
    })),
  }, { description: 'Settings of `orch-guard cleanup`.' })),
  pipeline: optional(pipelineSchema),
  duplicates: optional(object({
    minBodySize: optional(number({
      description: 'Smallest function body (in syntax nodes) compared by duplicate-implementation. Default 25: a body that returns one expression is ignored.',
      integer: true,
      minimum: 1,
    })),
    minSimilarity: optional(number({
      description: 'Smallest similarity (0 to 1, the share of normalised code two bodies have in common) reported as a near-duplicate by duplicate-implementation. Default 0.85; 1 reports exact copies only.',
      minimum: 0,
      maximum: 1,
    })),
  }, { description: 'Settings of the duplicate-implementation rule.' })),
}, { description: 'orch-guard configuration (orch.config.ts).' });

export type OrchGuardConfig = Infer<typeof configSchema>;
export type SeveritySetting = Infer<typeof severitySetting>;
export type ComponentConfig = Infer<typeof componentSchema>;
