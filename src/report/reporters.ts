import type { Reporter } from './report-input.js';

/**
 * Reporters by name, as `--reporter` accepts them, each loaded when used (the SARIF reporter
 * pulls in every rule's documentation; a text run should not pay for that).
 */
export const reporters: Record<string, () => Promise<Reporter>> = {
  text: async () => (await import('./text-reporter.js')).formatText,
  json: async () => (await import('./json-reporter.js')).formatJson,
  sarif: async () => (await import('./sarif-reporter.js')).formatSarif,
  github: async () => (await import('./github-reporter.js')).formatGithubAnnotations,
  codeclimate: async () => (await import('./codeclimate-reporter.js')).formatCodeClimate,
};
