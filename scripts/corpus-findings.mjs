// Reads the JSON of orch-guard, knip and fallow into one shape, and samples it.
// Shared by scripts/sample-findings.mjs and scripts/tally-verdicts.mjs.
//
// A finding is { tool, rule, sourceRule, file, line, symbol }. `rule` is a rule the three tools
// can be compared on (unused-file, unused-export, unused-type, unused-dependency, ...);
// `sourceRule` is the tool's own name for it.

import fs from 'node:fs';
import path from 'node:path';

/** The options that name a judged sample: parseArgs options of sample-findings and tally-verdicts. */
export const SAMPLE_OPTIONS = {
  corpus: { type: 'string', default: '/work/corpus' },
  label: { type: 'string', default: 'baseline' },
  seed: { type: 'string', default: '11' },
  /** Verdict files, comma-separated (a later file's verdict wins); default <corpus>/verdicts.tsv. */
  verdicts: { type: 'string' },
};

/** The verdicts of the files --verdicts names, or of <corpus>/verdicts.tsv. */
export function readVerdictFiles(values) {
  const files = values.verdicts ? values.verdicts.split(',') : [path.join(values.corpus, 'verdicts.tsv')];
  return Object.assign({}, ...files.map((file) => readVerdicts(file)));
}

/** knip's issue types → comparable rules. */
const KNIP_RULES = {
  files: 'unused-file',
  exports: 'unused-export',
  nsExports: 'unused-export',
  namespaceMembers: 'unused-export',
  types: 'unused-type',
  nsTypes: 'unused-type',
  enumMembers: 'unused-enum-member',
  classMembers: 'unused-class-member',
  dependencies: 'unused-dependency',
  devDependencies: 'unused-dependency',
  optionalPeerDependencies: 'unused-dependency',
  unlisted: 'unlisted-dependency',
  binaries: 'unlisted-binary',
  unresolved: 'unresolved-import',
  duplicates: 'duplicate-export',
  catalog: 'unused-catalog-entry',
};

/** fallow's dead-code report keys → comparable rules (keys not listed keep their own name). */
const FALLOW_RULES = {
  unused_files: 'unused-file',
  unused_exports: 'unused-export',
  unused_types: 'unused-type',
  unused_dependencies: 'unused-dependency',
  unused_dev_dependencies: 'unused-dependency',
  unused_optional_dependencies: 'unused-dependency',
  unlisted_dependencies: 'unlisted-dependency',
  unresolved_imports: 'unresolved-import',
  duplicate_exports: 'duplicate-export',
  unused_enum_members: 'unused-enum-member',
  unused_class_members: 'unused-class-member',
  unused_store_members: 'unused-class-member',
  type_only_dependencies: 'dependency-placement',
  test_only_dependencies: 'dependency-placement',
  dev_dependencies_in_production: 'dependency-placement',
  circular_dependencies: 'circular-dependency',
  re_export_cycles: 'circular-dependency',
  package_cycles: 'circular-dependency',
};
const FALLOW_NOT_FINDINGS = new Set(['entry_points', 'summary', 'gate_outcomes', 'workspace_diagnostics', 'next_steps', '_meta']);

function fromOrchGuard(json) {
  return json.findings.map((item) => ({ tool: 'orch-guard', rule: item.rule, sourceRule: item.rule, file: item.file, line: item.line ?? 0, symbol: item.rule === 'unused-file' ? '' : item.symbol ?? '', confidence: item.confidence }));
}

function fromKnip(json) {
  const findings = [];
  for (const issue of json.issues) {
    for (const [key, rule] of Object.entries(KNIP_RULES)) {
      const items = Array.isArray(issue[key]) ? issue[key] : Object.values(issue[key] ?? {}).flatMap((value) => Object.values(value));
      for (const item of items) {
        const first = Array.isArray(item) ? item[0] : item;
        const symbol = Array.isArray(item) ? item.map((part) => part.name).join(' = ') : [first.namespace, first.name].filter(Boolean).join('.');
        findings.push({ tool: 'knip', rule, sourceRule: key, file: key === 'files' ? first.name : issue.file, line: first.line ?? 0, symbol: key === 'files' ? '' : symbol });
      }
    }
  }
  return findings;
}

function fromFallow(json) {
  const findings = [];
  for (const [key, items] of Object.entries(json)) {
    if (FALLOW_NOT_FINDINGS.has(key) || !Array.isArray(items)) continue;
    for (const item of items) {
      const place = item.locations?.[0] ?? item.edges?.[0] ?? item.imported_from?.[0] ?? item;
      const symbol = item.export_name ?? item.package_name ?? item.specifier ?? item.prop_name
        ?? (item.member_name ? `${item.parent_name}.${item.member_name}` : undefined) ?? (item.files ?? item.packages ?? []).join(' → ');
      findings.push({ tool: 'fallow', rule: FALLOW_RULES[key] ?? key.replaceAll('_', '-'), sourceRule: key, file: place.path ?? item.path ?? '', line: place.line ?? 0, symbol: key === 'unused_files' ? '' : symbol });
    }
  }
  return findings;
}

export const READERS = { 'orch-guard': fromOrchGuard, knip: fromKnip, fallow: fromFallow };

/** The key a verdict is stored under: the claim, whichever tool makes it. */
export function claimKey(repo, finding) {
  return [repo, finding.rule, finding.file, finding.symbol].join('|');
}

/**
 * Verdicts, one a line: `<claim key>\t<TP|FP|unsure>\t<cause, for FP and unsure>`; `#` starts a
 * comment line; a later line for the same key wins (a claim judged again).
 */
export function readVerdicts(file) {
  const verdicts = {};
  if (!fs.existsSync(file)) return verdicts;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [key, verdict, cause = ''] = line.split('\t');
    verdicts[key] = { verdict: verdict.trim(), cause: cause.trim() };
  }
  return verdicts;
}

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619);
  return value >>> 0;
}

/**
 * `size` findings at random, stratified by rule: each rule gets its share of the sample in
 * proportion to its count (largest remainders), at least one while there is room, then a seeded
 * shuffle picks within each rule. The same seed and findings give the same sample.
 */
export function sampleStratified(findings, size, seed, salt) {
  if (findings.length <= size) return [...findings];
  const byRule = new Map();
  for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  const rules = [...byRule.keys()].sort((a, b) => byRule.get(b).length - byRule.get(a).length || a.localeCompare(b));
  const quota = new Map(rules.map((rule) => [rule, 0]));
  for (const rule of rules.slice(0, size)) quota.set(rule, 1);
  let left = size - Math.min(size, rules.length);
  const shares = rules.map((rule) => ({ rule, exact: (left * byRule.get(rule).length) / findings.length }));
  for (const share of shares) quota.set(share.rule, quota.get(share.rule) + Math.floor(share.exact));
  left -= shares.reduce((sum, share) => sum + Math.floor(share.exact), 0);
  for (const share of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) if (left-- > 0) quota.set(share.rule, quota.get(share.rule) + 1);
  // A rule with fewer findings than its quota gives the rest to the largest rules.
  let spare = 0;
  for (const rule of rules) {
    const over = quota.get(rule) - byRule.get(rule).length;
    if (over > 0) { quota.set(rule, byRule.get(rule).length); spare += over; }
  }
  for (const rule of rules) {
    const room = byRule.get(rule).length - quota.get(rule);
    const extra = Math.min(room, spare);
    quota.set(rule, quota.get(rule) + extra);
    spare -= extra;
  }
  const sample = [];
  for (const rule of rules) {
    const random = mulberry32(seed ^ hash(`${salt}|${rule}`));
    const pool = [...byRule.get(rule)];
    for (let index = pool.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [pool[index], pool[other]] = [pool[other], pool[index]];
    }
    sample.push(...pool.slice(0, quota.get(rule)));
  }
  return sample;
}
