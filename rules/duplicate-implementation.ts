import type { Rule } from '../src/rule-engine/rule.js';

const DEFAULT_MIN_BODY_SIZE = 25;

export const duplicateImplementation: Rule = {
  meta: {
    id: 'duplicate-implementation',
    description: 'Two functions in different files whose bodies are the same after normalising names, literals and formatting.',
    defaultSeverity: 'warn',
    docs: {
      flags: 'Functions, methods and function-valued variables in different files (or components) whose bodies have the same syntax once identifiers are renamed consistently, literals are blanked and formatting is ignored. Bodies smaller than `duplicates.minBodySize` syntax nodes (default 25, above a body that returns one expression) are ignored. Reported at each copy after the first, naming the first.',
      why: 'A helper written twice drifts: a bug is fixed in one copy only. It usually means the author did not know the first one existed.',
      fix: 'Keep one implementation (export it from where it belongs) and call it from both places. `orch-guard registry find <name>` shows what exists before you write it.',
      flaggedExample: '// src/a/slug.ts\nexport function slugify(text: string) { return text.trim().toLowerCase().replace(/\\s+/g, \'-\').replace(/[^a-z0-9-]/g, \'\'); }\n// src/b/url.ts\nexport function toUrlPart(s: string) { return s.trim().toLowerCase().replace(/\\s+/g, \'_\').replace(/[^a-z0-9_]/g, \'\'); }',
      cleanExample: '// src/b/url.ts\nimport { slugify } from \'../a/slug\';\nexport const toUrlPart = slugify;',
    },
  },
  check(context) {
    const minimum = context.options.minDuplicateBodySize ?? DEFAULT_MIN_BODY_SIZE;
    const groups = new Map<string, Array<{ file: string; line: number; column: number; name: string; kind: string }>>();
    for (const file of context.files) {
      if (file.isDeclarationFile || file.facts.skipped !== undefined) continue;
      for (const declaration of file.facts.declarations) {
        if (declaration.bodyHash === undefined || (declaration.bodySize ?? 0) < minimum) continue;
        const owner = declaration.parent >= 0 ? `${file.facts.declarations[declaration.parent].name}.` : '';
        const list = groups.get(declaration.bodyHash) ?? [];
        list.push({ file: file.path, line: declaration.line, column: declaration.column, name: `${owner}${declaration.name}`, kind: declaration.kind });
        groups.set(declaration.bodyHash, list);
      }
    }
    const findings = [];
    for (const copies of groups.values()) {
      const files = new Set(copies.map((copy) => copy.file));
      if (files.size < 2) continue;
      const sorted = [...copies].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
      const first = sorted[0];
      for (const copy of sorted.slice(1)) {
        if (copy.file === first.file) continue;
        findings.push({
          file: copy.file,
          line: copy.line,
          column: copy.column,
          symbol: copy.name,
          kind: copy.kind,
          reason: 'duplicate-body' as const,
          referrers: [`${first.file}#${first.name}`],
          message: `\`${copy.name}\` has the same body as \`${first.name}\` (${first.file}:${first.line}), up to names and literals: a helper written twice. Keep one and call it from both places.`,
        });
      }
    }
    return findings;
  },
};
