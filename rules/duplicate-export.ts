import type { Rule } from '../src/rule-engine/rule.js';
import type { GraphFile } from '../src/graph/symbol-graph.js';
import type { ExportFact } from '../src/indexer/facts.js';

export const duplicateExport: Rule = {
  meta: {
    id: 'duplicate-export',
    description: 'One declaration exported under two or more names.',
    defaultSeverity: 'warn',
    docs: {
      flags: 'A declaration (or re-exported symbol) that a module exports under more than one name, such as `export { a, a as b }` or `export default a` next to `export { a }`. A name whose export has a JSDoc `@alias` tag is a second name kept on purpose and not counted; so are HTTP method names an entry exports for one handler (a route file\'s `GET` and `POST`: the framework calls each by name), and the named exports of a tool config its loader reads as options (a CommonJS Jest config\'s `{ displayName: name, name }`).',
      why: 'Two names for one thing split its callers, hide its real usage and make renames and removals error-prone.',
      fix: 'Keep one name and update the imports of the other.',
      flaggedExample: 'function parse() {}\nexport { parse, parse as parseInput };',
      cleanExample: 'function parse() {}\nexport { parse };',
    },
  },
  check(context) {
    const findings = [];
    for (const file of context.files) {
      if (file.isDeclarationFile || file.facts.skipped !== undefined) continue;
      const groups = new Map<string, ExportFact[]>();
      for (const fact of file.facts.exports) {
        if (fact.name === 'export=' || fact.alias === true) continue;
        for (const key of targetKeys(file, fact)) {
          let group = groups.get(key);
          if (group === undefined) groups.set(key, (group = []));
          if (!group.some((other) => other.name === fact.name)) group.push(fact);
        }
      }
      const reported = new Set<string>();
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        // A route entry's HTTP method handlers (`export { handler as GET, handler as POST }` in a
        // Next.js route, a SvelteKit `+server.ts`): the framework calls each by its name, so one
        // handler under several methods cannot keep one name.
        if (context.hasPublicExports(file) && group.every((fact) => HTTP_METHODS.has(fact.name))) continue;
        // A tool config whose loader reads its named exports as options (a
        // CommonJS Jest config's `{ displayName: name, name }`: two options with one value): each
        // name is one it reads. A `default` beside a named copy is still two names for one thing.
        if (file.isEntry && CONFIG_FILE.test(file.path) && group.every((fact) => fact.name !== 'default')) continue;
        const names = group.map((fact) => fact.name).sort();
        const key = names.join(',');
        if (reported.has(key)) continue;
        reported.add(key);
        const second = group[1];
        findings.push({
          file: file.path,
          line: second.line,
          column: second.column,
          symbol: names.join(', '),
          kind: 'export',
          reason: 'duplicate' as const,
          message: `One declaration is exported under ${names.length} names (${names.map((name) => `\`${name}\``).join(', ')}): importers split between them. Keep one name.`,
        });
      }
    }
    return findings;
  },
};

/** A tool's config file (`jest.config.js`, `.eslintrc.cjs`): what it exports are the tool's options. */
const CONFIG_FILE = /(?:^|\/)(?:[\w.-]+\.config|\.[\w-]+rc)\.[cm]?[jt]s$/;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ALL']);

/** What an export points at, as comparable keys: a declaration, or an imported name. */
function targetKeys(file: GraphFile, fact: ExportFact): string[] {
  if (fact.declaration !== undefined) return [`declaration:${fact.declaration}`];
  if (fact.importIndex !== undefined) return [`import:${file.facts.imports[fact.importIndex].specifier}:${fact.importedName}`];
  const local = fact.local ?? '';
  const declarations = file.declarationsByName.get(local);
  if (declarations !== undefined) return sameMeaning(file, declarations, fact.typeOnly).map((index) => `declaration:${index}`);
  return (file.bindingsByName.get(local) ?? []).map((binding) => `import:${file.facts.imports[binding.importIndex].specifier}:${binding.imported}`);
}

const TYPE_KINDS = new Set(['type', 'interface']);

/**
 * The declarations of a name that an export of it can mean: a type and a value may share a
 * name (`export type env = ...` beside `const env`, exported as `export default env`), and a
 * value export names the value, a type-only one the type. They are not one declaration twice.
 */
function sameMeaning(file: GraphFile, declarations: readonly number[], typeOnly: boolean): readonly number[] {
  const isType = (index: number) => TYPE_KINDS.has(file.facts.declarations[index].kind);
  const chosen = declarations.filter((index) => isType(index) === typeOnly);
  return chosen.length > 0 ? chosen : declarations;
}
