import { fileUncertainty } from '../src/rule-engine/uncertain-reach.js';
import type { AnalysisContext } from '../src/rule-engine/analysis-context.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { type Explanation, usersOf } from '../src/rule-engine/explain-dead.js';
import type { Rule } from '../src/rule-engine/rule.js';
import type { GraphFile } from '../src/graph/symbol-graph.js';
import { resolvedFiles } from '../src/resolve/resolved-files.js';
import { ReferenceFlag } from '../src/indexer/facts.js';

export const unusedFile: Rule = {
  meta: {
    id: 'unused-file',
    description: 'A project file that no entry reaches.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Project files that are not reachable from any entry (package.json entry points, configured entries, conventional `index`/`main`/`cli` files, tests). Their exports are not listed again.',
      why: 'A file nothing loads is dead weight: it is built, reviewed and maintained for nothing, and it keeps whatever it imports looking used.',
      fix: 'Delete the file, or import it from live code. If something outside the project loads it (a script, a framework convention), list it in `entries`.',
      flaggedExample: '// src/index.ts\nexport const app = 1;\n\n// src/legacy.ts   <- nothing imports it\nexport function oldApi() {}',
      cleanExample: '// src/index.ts\nexport const app = 1;',
    },
  },
  check(context) {
    const importers = importersByFile(context);
    return context.files
      .filter((file) => !file.isEntry && !file.isTest && file.facts.skipped === undefined && !context.isFileLive(file))
      .map((file) => {
        const fileImporters = importers.get(file.path) ?? [];
        const explanation = explainDeadFile(context, file, fileImporters);
        const broken = fileImporters.filter((importer) => importer.use === 'broken').map((importer) => importer.path);
        return {
          file: file.path,
          line: 1,
          column: 1,
          symbol: file.path,
          kind: 'file',
          reason: explanation.reason,
          ...(explanation.referrers !== undefined ? { referrers: explanation.referrers } : {}),
          ...(fileUncertainty(context, file, fileImporters.filter((importer) => importer.use === 'dead').map((importer) => importer.path))
            ?? (broken.length > 0 ? { confidence: 'low' as const, uncertainty: `live code loads it and reads names it does not export (${broken.join(', ')}): the import is broken, or the file exports what orch-guard cannot see` } : {})),
          message: `File \`${file.path}\` is not reachable from any entry: ${describeReason(explanation)}. Delete it, or import it from live code or list it in \`entries\`.`,
        };
      });
  },
};

/**
 * A project file that imports or re-exports another, and what it does with it: `dead`, the
 * importer is dead; else it is live and its import is a `re-export` nobody imports, `unread`
 * bindings, or `broken` (it reads names the file does not export, so no use resolves).
 */
interface Importer {
  path: string;
  use: 'dead' | 're-export' | 'unread' | 'broken';
}

const USE_IN_WORDS: Record<Importer['use'], string> = {
  dead: 'top level',
  're-export': 'a re-export nothing uses',
  unread: 'an import nothing uses',
  broken: 'imports names it does not export',
};

/** Project files that import or re-export each file (whatever they use of it). */
function importersByFile(context: AnalysisContext): Map<string, Importer[]> {
  const importers = new Map<string, Importer[]>();
  for (const file of context.files) {
    const live = context.isFileLive(file);
    file.resolutions.forEach((resolution, importIndex) => {
      for (const target of resolvedFiles(resolution)) {
        if (target === file.path) continue;
        const list = importers.get(target) ?? [];
        const use = live ? importUse(file, importIndex) : 'dead';
        const known = list.find((importer) => importer.path === file.path);
        // Of two imports of one file, a broken one is what the finding must not hide.
        if (known === undefined) list.push({ path: file.path, use });
        else if (use === 'broken') known.use = use;
        importers.set(target, list);
      }
    });
  }
  return importers;
}

/** What a live file's import of a dead file does with it (see Importer). */
function importUse(file: GraphFile, importIndex: number): Importer['use'] {
  if (file.facts.imports[importIndex].form === 'reexport') return 're-export';
  const locals = new Set(file.facts.importBindings.filter((binding) => binding.importIndex === importIndex).map((binding) => binding.local));
  const read = file.facts.references.some((reference) => locals.has(reference.name) && (reference.flags & ReferenceFlag.Fake) === 0);
  return read ? 'broken' : 'unread';
}

/**
 * Who outside the file uses it (its top level, declarations or exports), and how. A file that
 * only dead files import, or that live files import without using anything of it (a re-export
 * nobody imports, an unread binding), is referenced by dead code too: never "nothing refers to it".
 */
function explainDeadFile(context: AnalysisContext, file: GraphFile, importers: readonly Importer[]): Explanation {
  const { graph } = context;
  const nodes = [file.moduleNode, ...file.facts.declarations.map((_, index) => file.firstDeclarationNode + index)];
  const outside = (users: number[]) => users.filter((user) => graph.nodeFile[user] !== file.index);
  const users = new Set(nodes.flatMap((node) => outside(usersOf(graph, node))));
  if (users.size > 0) {
    return { reason: 'only-referenced-by-dead-code', referrers: [...users].map((user) => graph.describe(user)).sort() };
  }
  const fakeUsers = new Set(nodes.flatMap((node) => outside(usersOf(graph, node, true))));
  if (fakeUsers.size > 0) {
    return { reason: 'only-fake-references', referrers: [...fakeUsers].map((user) => graph.describe(user)).sort() };
  }
  // Imported, but nothing the importers reach uses it: their import statements are dead code.
  const deadImports = importers.filter((importer) => importer.use !== 'broken');
  if (deadImports.length > 0) {
    return { reason: 'only-referenced-by-dead-code', referrers: deadImports.map((importer) => `${importer.path} (${USE_IN_WORDS[importer.use]})`).sort() };
  }
  return { reason: 'unreferenced' };
}
