import { formatJson } from './json-reporter.js';
import type { Reporter } from './report-input.js';
import { formatText } from './text-reporter.js';

/** Reporters by name, as `--reporter` accepts them. */
export const reporters: Record<string, Reporter> = {
  text: formatText,
  json: formatJson,
};
