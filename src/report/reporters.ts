import { formatCodeClimate } from './codeclimate-reporter.js';
import { formatGithubAnnotations } from './github-reporter.js';
import { formatJson } from './json-reporter.js';
import type { Reporter } from './report-input.js';
import { formatSarif } from './sarif-reporter.js';
import { formatText } from './text-reporter.js';

/** Reporters by name, as `--reporter` accepts them. */
export const reporters: Record<string, Reporter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithubAnnotations,
  codeclimate: formatCodeClimate,
};
