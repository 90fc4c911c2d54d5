// Regenerates docs/rules/<id>.md from each rule's metadata (rules/*.ts).
// Run after `npm run build`: node scripts/write-docs.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { allRules } from '../dist/rules/index.js';
import { ruleDocumentation } from '../dist/src/rule-engine/rule-docs.js';

const dir = new URL('../docs/rules/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const rule of allRules) writeFileSync(new URL(`${rule.meta.id}.md`, dir), ruleDocumentation(rule));
