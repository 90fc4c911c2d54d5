import type { ProjectSurvey } from './detect-project.js';

/**
 * The orch.config.ts `init` writes: what it could carry over (a knip config's entry, project and
 * ignore) as settings, what it could not infer as commented suggestions.
 */
export function configSource(survey: ProjectSurvey): string {
  const lines = ["import { defineConfig } from 'orch-guard';", ''];
  const found = [
    survey.packageManager !== undefined ? `package manager ${survey.packageManager}` : 'no lockfile',
    survey.workspaces.length > 0 ? `workspaces ${survey.workspaces.join(', ')}` : undefined,
    survey.frameworks.length > 0 ? `${survey.frameworks.join(', ')} (their entries come from knip's plugins)` : undefined,
    survey.knip !== undefined ? `knip config ${survey.knip.file} (entry, project and ignore carried over)` : undefined,
    survey.fallowConfig !== undefined ? `fallow config ${survey.fallowConfig} (not read: port its settings by hand)` : undefined,
  ].filter((text): text is string => text !== undefined);
  lines.push(`// Written by \`orch-guard init\`. Found: ${found.join('; ')}.`, 'export default defineConfig({');
  lines.push("  extends: 'recommended',");
  const knip = survey.knip;
  if (knip !== undefined && knip.entry.length > 0) lines.push(`  entries: ${list(knip.entry)},`);
  else lines.push("  // entries: ['src/server.ts', 'scripts/*.ts'],  // files run in ways orch-guard cannot see (added to package.json and framework entries)");
  if (knip !== undefined && knip.project.length > 0) lines.push(`  project: ${list(knip.project)},`);
  else lines.push("  // project: ['src/**', 'test/**'],  // default: every TS/JS file git does not ignore");
  if (knip !== undefined && knip.ignore.length > 0) lines.push(`  ignore: ${list(knip.ignore)},`);
  else lines.push("  // ignore: ['src/generated/**'],  // files whose findings are not reported");
  lines.push(
    '  // components: {  // integration contracts: what each part provides and requires',
    "  //   api: { paths: ['src/api/**'], requires: ['core'] },",
    "  //   core: { paths: ['src/core/**'] },",
    '  // },',
    "  // cleanup: { verify: ['npm test'] },  // commands that must pass after `orch-guard cleanup --fix`",
    '});',
  );
  return `${lines.join('\n')}\n`;
}

function list(items: readonly string[]): string {
  return `[${items.map((item) => `'${item.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}
