import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCliTracingModules } from '../support/module-trace.js';
import { shopCopies } from '../support/shop-changes.js';

// A warm query on an unchanged project answers from the stored graph: it must not load the
// project, the analysis or the compiler (each costs more than the whole answer may take), nor
// open the registry to write. Checked on the modules the built CLI really loads.

/** What loading the project or analysing it loads first: none of it may load on the warm path. */
const ANALYSIS = [
  'dist/src/analyse/analyse.js', 'dist/src/analyse/with-analysis.js', 'dist/src/analyse/with-registry.js', 'dist/src/project/', 'dist/src/indexer/index-project.js', 'dist/src/graph/build-graph.js', 'dist/src/typescript/',
  'dist/src/knip/', 'dist/rules/', 'dist/src/query/query-from-project.js', 'dist/src/registry/open-registry.js',
  'node_modules/typescript/', 'node_modules/ts-morph/', 'node_modules/@ts-morph/', 'node_modules/knip/',
];

function analysisModules(modules: readonly string[]): string[] {
  return modules.filter((module) => ANALYSIS.some((part) => module.includes(part)));
}

const shop = shopCopies();
const SOURCE = 'orch-guard: debug: answered from the stored graph; nothing the project was loaded from changed';

describe('modules a warm query loads', () => {
  test('find, usage and why on an unchanged project load no analysis; after a change they do', async () => {
    const root = shop();
    const queries = [['registry', 'find', 'format*'], ['usage', 'src/lib/format.ts#formatDate'], ['why', 'src/lib/format.ts#formatDate']];
    // The first query analyses: the trace sees what a fresh analysis loads (so it could see it below).
    const first = await runCliTracingModules([...queries[0], '--root', root]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(analysisModules(first.modules)).toEqual(expect.arrayContaining(['dist/src/analyse/analyse.js', 'dist/src/query/query-from-project.js']));
    expect(first.modules).toContain('dist/src/typescript/load-typescript.js');

    for (const query of queries) {
      const warm = await runCliTracingModules([...query, '--root', root, '--debug']);
      expect(warm.exitCode, warm.stderr).toBe(0);
      expect(warm.stderr).toContain(SOURCE);
      expect(warm.modules).toContain('dist/src/query/stored-query-view.js');
      expect(analysisModules(warm.modules), query.join(' ')).toEqual([]);
    }

    writeFileSync(path.join(root, 'src/lib/format.ts'), 'export function formatDate(date: Date): string { return date.toISOString(); }\n');
    const changed = await runCliTracingModules([...queries[1], '--root', root, '--debug']);
    expect(changed.stderr).toContain('orch-guard: debug: answered from a fresh analysis');
    expect(changed.modules).toContain('dist/src/analyse/analyse.js');
  });

  test('status reads the recorded run without loading the analysis', async () => {
    const root = shop();
    writeFileSync(path.join(root, 'orch.config.mjs'), "export default { project: ['src/**'], pipeline: { tasks: [{ id: 'noop', run: 'node -e 0' }] } };\n");
    const run = await runCliTracingModules(['run', '--root', root]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.modules).toContain('dist/src/analyse/analyse.js');
    const status = await runCliTracingModules(['status', '--root', root]);
    expect(status.stdout).toContain('noop');
    expect(analysisModules(status.modules)).toEqual([]);
  });
});
