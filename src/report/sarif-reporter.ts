import { pathToFileURL } from 'node:url';
import { packageVersion } from '../package-version.js';
import { allRules } from '../../rules/index.js';
import type { AnyRule } from '../rule-engine/rule.js';
import { codeBlock } from '../rule-engine/rule-docs.js';
import type { Finding } from '../rule-engine/finding.js';
import { type ReportInput, repositoryRelative } from './report-input.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/orch-guard';
/** Versioned key, so a future change to how fingerprints are computed can use a new one. */
const FINGERPRINT_KEY = 'orchGuard/v1';
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS = { error: 'error', warn: 'warning' } as const;

/**
 * SARIF 2.1.0 for GitHub code scanning and SARIF viewers. Every rule is listed, in `allRules`
 * order, so a result's `ruleIndex` means the same rule in every run.
 */
export function formatSarif(input: ReportInput): string {
  const ruleIndexById = new Map(allRules.map((rule, index) => [rule.meta.id, index]));
  return `${JSON.stringify({
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'orch-guard',
          informationUri: INFORMATION_URI,
          version: packageVersion(),
          rules: allRules.map(describeRule),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(repositoryTop(input)) } },
      // Finding columns are TypeScript positions, which count UTF-16 code units.
      columnKind: 'utf16CodeUnits',
      results: input.findings.map((finding) => toResult(finding, repositoryRelative(input, finding.file), ruleIndexById.get(finding.rule))),
    }],
  }, null, 2)}\n`;
}

function describeRule({ meta }: AnyRule) {
  const { docs } = meta;
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: docs.flags },
    help: {
      text: `${docs.why}\n\n${docs.fix}`,
      markdown: `${docs.why}\n\n${docs.fix}\n\nFlagged:\n\n${codeBlock(docs.flaggedExample)}\n\nClean:\n\n${codeBlock(docs.cleanExample)}`,
    },
    // An opt-in rule is listed disabled, at the level it would have once enabled.
    defaultConfiguration: meta.defaultSeverity === 'off'
      ? { enabled: false, level: LEVELS[meta.recommendedSeverity ?? 'warn'] }
      : { level: LEVELS[meta.defaultSeverity] },
  };
}

function toResult(finding: Finding, file: string, ruleIndex: number | undefined) {
  return {
    ruleId: finding.rule,
    // A rule outside allRules (none today) gets no index rather than a wrong one.
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: toUriReference(file), uriBaseId: SOURCE_ROOT },
        region: { startLine: finding.line, startColumn: finding.column },
      },
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    // With --staged / --changed-since: whether the change introduced it.
    ...(finding.introduced !== undefined ? { baselineState: finding.introduced ? 'new' : 'unchanged' } : {}),
    // Accepted in the baseline file: code scanning shows it as dismissed, not as an open alert.
    ...(finding.baselined === true ? { suppressions: [{ kind: 'external', justification: 'accepted in the orch-guard baseline' }] } : {}),
  };
}

/** The repository's top directory: the root, minus its path inside the repository. */
function repositoryTop(input: ReportInput): string {
  const inside = input.repositoryPath ?? '';
  return inside === '' ? input.root : input.root.slice(0, input.root.length - inside.length).replace(/[\\/]$/, '');
}

/**
 * A root-relative posix path as a relative URI reference: each segment percent-encoded, so
 * spaces, `#`, `?`, `%` and a `:` in the first segment (which would read as a scheme) are safe.
 */
function toUriReference(posixPath: string): string {
  return posixPath.split('/').map(encodeURIComponent).join('/');
}

/** SARIF requires a base URI to end with a slash. */
function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
