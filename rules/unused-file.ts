import { fileUncertainty } from '../src/rule-engine/uncertain-reach.js';
import type { AnalysisContext } from '../src/rule-engine/analysis-context.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { type Explanation, usersOf } from '../src/rule-engine/explain-dead.js';
import type { Rule } from '../src/rule-engine/rule.js';
import type { GraphFile } from '../src/graph/symbol-graph.js';
import { resolvedFiles } from '../src/resolve/resolved-files.js';
import { describeImport, explainUnusedImports, liveImportsOf } from '../src/rule-engine/unread-imports.js';

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
    const deadImporters = deadImportersByFile(context);
    return context.files
      .filter((file) => !file.isEntry && !file.isTest && file.facts.skipped === undefined && !context.isFileLive(file))
      .map((file) => {
        const dead = deadImporters.get(file.path) ?? [];
        const { explanation, broken } = explainDeadFile(context, file, dead);
        return {
          file: file.path,
          line: 1,
          column: 1,
          symbol: file.path,
          kind: 'file',
          reason: explanation.reason,
          ...(explanation.referrers !== undefined ? { referrers: explanation.referrers } : {}),
          ...(fileUncertainty(context, file, dead)
            ?? (broken.length > 0 ? { confidence: 'low' as const, uncertainty: `live code loads it and reads names it does not export (${broken.join(', ')}): the import is broken, or the file exports what orch-guard cannot see` } : {})),
          message: `File \`${file.path}\` is not reachable from any entry: ${describeReason(explanation)}. Delete it, or import it from live code or list it in \`entries\`.`,
        };
      });
  },
};

/** Dead project files that import or re-export each file (whatever they use of it). */
function deadImportersByFile(context: AnalysisContext): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const file of context.files) {
    if (context.isFileLive(file)) continue;
    for (const resolution of file.resolutions) {
      for (const target of resolvedFiles(resolution)) {
        if (target === file.path) continue;
        const list = importers.get(target) ?? [];
        if (!list.includes(file.path)) list.push(file.path);
        importers.set(target, list);
      }
    }
  }
  return importers;
}

/**
 * Who outside the file uses it (its top level, declarations or exports), and how. A file that
 * only dead files import, or that live files import without reading anything of it, is referenced
 * by dead code too; one that live files only re-export, with nobody importing that, is unused,
 * the re-exports named (see explainUnusedImports).
 */
function explainDeadFile(context: AnalysisContext, file: GraphFile, deadImporters: readonly string[]): { explanation: Explanation; broken: string[] } {
  const { graph } = context;
  const nodes = [file.moduleNode, ...file.facts.declarations.map((_, index) => file.firstDeclarationNode + index)];
  const outside = (users: number[]) => users.filter((user) => graph.nodeFile[user] !== file.index);
  const users = new Set(nodes.flatMap((node) => outside(usersOf(graph, node))));
  if (users.size > 0) {
    return { explanation: { reason: 'only-referenced-by-dead-code', referrers: [...users].map((user) => graph.describe(user)).sort() }, broken: [] };
  }
  const fakeUsers = new Set(nodes.flatMap((node) => outside(usersOf(graph, node, true))));
  if (fakeUsers.size > 0) {
    return { explanation: { reason: 'only-fake-references', referrers: [...fakeUsers].map((user) => graph.describe(user)).sort() }, broken: [] };
  }
  // Imported, but nothing the importers reach uses it: their import statements are dead code.
  // A live read of a name (no use edge, so the name resolved to nothing) is a broken import.
  const imports = liveImportsOf(context, file, '*');
  const broken = imports.filter((entry) => entry.use === 'broken').map((entry) => entry.importer);
  const explanation = explainUnusedImports(imports, deadImporters.map((path) => `${path} (top level)`));
  // Only broken imports name it: no use of it resolves, but the importers are named all the same.
  const brokenOnly: Explanation = broken.length > 0 ? { reason: 'unreferenced', referrers: broken.map((path) => describeImport(path, 'broken')).sort() } : { reason: 'unreferenced' };
  return { explanation: explanation ?? brokenOnly, broken };
}
