import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { installDiskReadJournal } from '../../src/files/disk-read-journal.js';
import { loadConfig } from '../../src/config/load-config.js';
import { withRegistry } from '../../src/analyse/with-registry.js';
import { unchangedResult } from '../../src/validate/unchanged-project.js';
import { validateProject } from '../../src/validate/run-validate.js';
import { addReport, makeReportAProgram, shopCopies } from '../support/shop-changes.js';

// A warm validate reuses the stored result without loading the project while everything loading
// it read still reads the same (src/validate/unchanged-project.ts). A change to what loading
// reads, or a damaged stamp, must give the fresh result.

const shopCopy = shopCopies();

function shop(): string {
  const root = shopCopy();
  addReport(root);
  return root;
}

/** The run's findings, in process (the stamp names the build that made it: these sources). */
async function findings(root: string, useCache = true): Promise<string[]> {
  const result = await validateProject({ root, production: false, useCache });
  return result.findings.map((finding) => `${finding.rule} ${finding.file}${finding.symbol !== null ? `#${finding.symbol}` : ''}`);
}

async function reusable(root: string): Promise<boolean> {
  const loaded = await loadConfig(root);
  return withRegistry(path.join(root, '.orch-guard/registry.db'), [], async (registry) => unchangedResult(root, loaded, { production: false }, registry) !== undefined);
}

// As the CLI does before it loads anything (see installDiskReadJournal).
installDiskReadJournal();

describe('a warm validate of a project that may have changed', () => {
  test('reuses the result while nothing changed, and not after the manifest makes a file an entry', async () => {
    const root = shop();
    const cold = await findings(root);
    expect(cold).toContain('unused-file src/report.ts#src/report.ts');
    expect(await findings(root)).toEqual(cold);
    expect(await reusable(root)).toBe(true);

    makeReportAProgram(root);
    expect(await reusable(root)).toBe(false);
    const changed = await findings(root);
    expect(changed).not.toContain('unused-file src/report.ts#src/report.ts');
    expect(changed).toEqual(await findings(root, false));
    expect(await findings(root)).toEqual(changed);
    expect(await reusable(root)).toBe(true);
  });

  test('a damaged stamp vouches for nothing', async () => {
    const root = shop();
    await findings(root);
    await findings(root);
    expect(await reusable(root)).toBe(true);
    const registry = new Database(path.join(root, '.orch-guard/registry.db'));
    const stored = JSON.parse(registry.prepare('SELECT project_stamp FROM validate_result_cache').pluck().get() as string) as { body: string; digest: string };
    const body = JSON.parse(stored.body) as { reads: unknown[] };
    registry.prepare('UPDATE validate_result_cache SET project_stamp = ?').run(JSON.stringify({ body: JSON.stringify({ ...body, reads: [] }), digest: stored.digest }));
    registry.close();
    expect(await reusable(root)).toBe(false);

    makeReportAProgram(root);
    expect(await findings(root)).toEqual(await findings(root, false));
  });
});
