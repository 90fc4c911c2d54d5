import { resolvedPathMentions } from './resolved-paths.js';
import type { ToolReader } from './tool-config-reader.js';

/**
 * Project files an ESLint config resolves by path (`syntax: path.resolve(__dirname,
 * './scripts/validate-syntax.js')` in a rule's options, a local plugin or resolver): ESLint or the
 * plugin loads them, nothing imports them.
 */
export const eslintConfigPaths: ToolReader = {
  plugin: 'eslint',
  fromSyntax: (program, context) => resolvedPathMentions(program, context),
};
