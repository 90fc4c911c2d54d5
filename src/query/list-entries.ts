import type { KnipOutcome } from '../knip/ask-knip.js';
import { withToolEntries } from '../knip/with-tool-entries.js';
import type { EntryGap } from '../project/entries/entry-gap.js';
import type { EntryKind } from '../project/entries/entry-source.js';
import { loadRecoveredProject } from '../analyse/load-recovered-project.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';

export interface EntryListing {
  entries: Array<{ file: string; kind: EntryKind; source: string }>;
  /** Test files (by name, or named by a test tool): live, but not production entries. */
  tests: Array<{ file: string; source: string }>;
  gaps: EntryGap[];
  knip: { status: 'not-needed' } | { status: 'cached' | 'ran'; milliseconds: number; enabledPlugins: Record<string, string[]> } | { status: 'failed'; message: string; milliseconds: number };
}

/** `orch-guard entries`: every entry of the project with where it comes from, tests, and gaps. */
export async function listEntries(request: { root: string; configFile?: string; production?: boolean; notices: string[] }): Promise<EntryListing> {
  const project = await loadRecoveredProject({ root: request.root, configFile: request.configFile, production: request.production === true, notices: request.notices });
  return withRegistry(registryPath(project.root, project.loaded.config.registry), request.notices, async (registry) => {
    const { project: withTools, knip, testSources } = await withToolEntries(project, registry, request.notices);
    return {
      entries: [...withTools.entries].map(([file, source]) => ({ file, kind: source.kind, source: source.detail })).sort((a, b) => a.file.localeCompare(b.file)),
      tests: [...withTools.tests].sort().map((file) => ({ file, source: testSources?.get(file)?.detail ?? 'test file name' })),
      gaps: withTools.entryGaps,
      knip: knipStatus(knip),
    };
  });
}

function knipStatus(knip: KnipOutcome | undefined): EntryListing['knip'] {
  if (knip === undefined) return { status: 'not-needed' };
  if (knip.kind === 'failed') return { status: 'failed', message: knip.message, milliseconds: knip.milliseconds };
  return { status: knip.cached ? 'cached' : 'ran', milliseconds: knip.milliseconds, enabledPlugins: knip.answer.enabledPlugins };
}
