import type { FileFacts } from '../indexer/facts.js';
import type { EntryMap } from '../project/entries/entry-source.js';

/** What only Deno (or a browser) loads: a registry or URL specifier, never a Node package. */
const REMOTE_SPECIFIER = /^(?:jsr:|npm:|https?:\/\/)/;

/**
 * The entries, with every file that imports a `jsr:`, `npm:` or URL specifier: a script Deno
 * runs on its own (`deno run x.ts`) or a module a page loads as it is, which nothing in the
 * Node project imports. The entries given are not changed; a new map is returned when any is added.
 */
export function withRemoteImportEntries(entries: EntryMap, files: ReadonlyArray<{ path: string; facts: FileFacts }>): EntryMap {
  let added: EntryMap | undefined;
  for (const file of files) {
    if (entries.has(file.path)) continue;
    const remote = file.facts.imports.find((fact) => fact.form !== 'import-type' && REMOTE_SPECIFIER.test(fact.specifier));
    if (remote === undefined) continue;
    added ??= new Map(entries);
    added.set(file.path, { kind: 'convention', detail: `standalone script (imports ${remote.specifier})` });
  }
  return added ?? entries;
}
