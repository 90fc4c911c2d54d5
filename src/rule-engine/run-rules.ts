import { createHash } from 'node:crypto';
import type { SeveritySetting } from '../config/config-schema.js';
import { readFileSync } from 'node:fs';
import { type Baseline, isExpired } from '../baseline/baseline-file.js';
import { compileGlobs } from '../files/glob.js';
import type { AnalysisContext, SuppressionReview, SuppressionUse } from './analysis-context.js';
import type { Finding, RuleFinding } from './finding.js';
import type { AnyRule, Rule, SuppressionRule } from './rule.js';

interface RuleSettings {
  severities: Record<string, SeveritySetting>;
  /** Accepted findings: marked `baselined`; entries that match nothing are stale. */
  baseline?: { baseline: Baseline; label: string };
  notices: string[];
  ignorePatterns: readonly string[];
  /** Root-relative config file, where stale ignore patterns are reported. */
  configFile: string | undefined;
  projectFiles: readonly string[];
}

/**
 * Runs the rules and turns their output into findings: severities from the config (`off`
 * drops a rule), `ignore` patterns and suppression comments applied, then the rules about
 * suppressions, fingerprints, and a stable order.
 */
export function runRules(context: AnalysisContext, rules: readonly AnyRule[], settings: RuleSettings): Finding[] {
  const isIgnored = compileGlobs(settings.ignorePatterns);
  const uses: SuppressionUse[] = context.files.flatMap((file) => file.facts.suppressions.map((suppression) => ({ file: file.path, suppression, used: false })));
  const usesByFile = new Map<string, SuppressionUse[]>();
  for (const use of uses) {
    const list = usesByFile.get(use.file) ?? [];
    list.push(use);
    usesByFile.set(use.file, list);
  }

  const run = <R extends AnyRule>(phaseRules: readonly R[], check: (rule: R) => RuleFinding[]): Finding[] => {
    const findings: Finding[] = [];
    for (const rule of phaseRules) {
      const severity = settings.severities[rule.meta.id] ?? rule.meta.defaultSeverity;
      if (severity === 'off') continue;
      for (const raw of check(rule)) {
        if (isIgnored(raw.file)) continue;
        if (isSuppressed(usesByFile.get(raw.file), rule.meta.id, raw.line)) continue;
        const finding = toFinding(rule.meta.id, severity, raw);
        const component = raw.component ?? context.contracts?.componentOfFile.get(raw.file);
        if (component !== undefined) finding.component = component;
        findings.push(finding);
      }
    }
    return findings;
  };

  const findings = assignFingerprints(run(rules.filter((rule): rule is Rule => rule.meta.phase === undefined), (rule) => rule.check(context)).sort(compareFindings));
  const baselined = settings.baseline === undefined ? undefined : applyBaseline(findings, settings.baseline.baseline, settings.baseline.label, settings.notices);
  const review: SuppressionReview = {
    suppressionUses: uses.filter((use) => !isIgnored(use.file)).map((use) => ({ ...use })),
    unusedIgnorePatterns: settings.configFile === undefined ? [] : settings.ignorePatterns
      .filter((pattern) => !settings.projectFiles.some(compileGlobs([pattern])))
      .map((pattern) => ({ pattern, configFile: settings.configFile as string })),
    staleBaselineEntries: baselined?.stale ?? [],
  };
  const later = assignFingerprints(run(rules.filter((rule): rule is SuppressionRule => rule.meta.phase === 'after-suppressions'), (rule) => rule.check(context, review)).sort(compareFindings));
  return [...(baselined?.findings ?? findings), ...later].sort(compareFindings);
}

/**
 * The findings with those the baseline accepts marked. Expired entries accept nothing (with a
 * notice); entries that match no finding are stale, for the stale-baseline rule.
 */
function applyBaseline(findings: readonly Finding[], baseline: Baseline, label: string, notices: string[]):
  { findings: Finding[]; stale: SuppressionReview['staleBaselineEntries'] } {
  const today = new Date();
  const byFingerprint = new Map(baseline.entries.map((entry) => [entry.fingerprint, entry]));
  const matched = new Set<string>();
  const marked = findings.map((finding) => {
    const entry = byFingerprint.get(finding.fingerprint);
    if (entry === undefined) return finding;
    matched.add(entry.fingerprint);
    if (isExpired(entry, today)) {
      notices.push(`baseline entry for ${entry.rule} ${entry.symbol ?? entry.file} expired on ${entry.expires}: it counts again`);
      return finding;
    }
    return { ...finding, baselined: true };
  });
  const text = readFileSync(baseline.file, 'utf8').split('\n');
  const stale = baseline.entries
    .filter((entry) => !matched.has(entry.fingerprint))
    .map((entry) => ({ entry, baselineFile: label, line: Math.max(1, text.findIndex((line) => line.includes(`"${entry.fingerprint}"`)) + 1) }));
  return { findings: marked, stale };
}

function isSuppressed(uses: SuppressionUse[] | undefined, rule: string, line: number): boolean {
  let suppressed = false;
  for (const use of uses ?? []) {
    const { targetLine, rules } = use.suppression;
    if ((targetLine === 0 || targetLine === line) && (rules.length === 0 || rules.includes(rule))) {
      use.used = true;
      suppressed = true;
    }
  }
  return suppressed;
}

function toFinding(rule: string, severity: 'error' | 'warn', raw: RuleFinding): Finding {
  return {
    rule,
    severity,
    file: raw.file,
    line: raw.line,
    column: raw.column,
    symbol: raw.symbol ?? null,
    kind: raw.kind ?? null,
    reason: raw.reason,
    message: raw.message,
    fingerprint: '',
    ...(raw.referrers !== undefined ? { referrers: raw.referrers } : {}),
    ...(raw.similarity !== undefined ? { similarity: raw.similarity } : {}),
    ...(raw.consumer !== undefined ? { consumer: raw.consumer } : {}),
    ...(raw.confidence !== undefined ? { confidence: raw.confidence, uncertainty: raw.uncertainty } : {}),
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1
    : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Fingerprints name what is reported, not where: rule, file, symbol and kind. Moving lines or
 * reformatting keeps them; a second finding with the same identity gets an occurrence suffix.
 */
function assignFingerprints(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const base = createHash('sha1')
      .update(`${finding.rule}\0${finding.file}\0${finding.symbol ?? ''}\0${finding.kind ?? ''}`)
      .digest('hex')
      .slice(0, 16);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    finding.fingerprint = occurrence === 1 ? base : `${base}:${occurrence}`;
  }
  return findings;
}
