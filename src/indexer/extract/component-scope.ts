import { DeclarationFlag } from '../facts.js';
import type { FactsBuilder } from './facts-builder.js';

const TEMPLATE_MEMBER = /[\w$\])]\s*\??\.\s*([A-Za-z_$][\w$]*)/g;

/**
 * A component's template is not parsed: it may use any name of the script's module scope
 * (`<script setup>`, Svelte's instance script, Astro's frontmatter), so every one counts as
 * used when the component loads. The component itself is the module's default export, as
 * `import App from './App.vue'` expects (a `.gts` file's only when it is a template-only one).
 */
export function markComponentScope(builder: FactsBuilder, moduleNames: ReadonlySet<string>, templateText: string, isDefaultExport: boolean): void {
  for (const name of moduleNames) builder.addReference(-1, name, 0);
  // `counter.bump()`, `{{ user.name }}`: members the template reads, by name (a class's members
  // are used when anything reads their name; see graph/class-members.ts).
  for (const match of templateText.matchAll(TEMPLATE_MEMBER)) builder.addMemberUse(-1, match[1]);
  builder.moduleKind = 'esm';
  if (!isDefaultExport || builder.exports.some((fact) => fact.name === 'default')) return;
  const index = builder.addDeclaration({
    name: 'default', kind: 'variable', line: 1, column: 1, endLine: 1, start: 0, end: 0, parent: -1,
    flags: DeclarationFlag.Exported | DeclarationFlag.Default,
  });
  builder.exports.push({ name: 'default', line: 1, column: 1, declaration: index, typeOnly: false, public: false });
}
