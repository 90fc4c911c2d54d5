import path from 'node:path';
import { isRecord } from './config-values.js';
import type { ToolReader } from './tool-config-reader.js';

/**
 * Jest's inline `projects` (objects, not paths) each have their own `<rootDir>`: a relative
 * `rootDir` there is resolved against the working directory Jest runs in (jest-config's
 * readInitialOptions keeps it as written and normalize() resolves it from process.cwd()),
 * `<rootDir>/x` against the config's folder, and no `rootDir` means the config's folder. knip's
 * Jest plugin substitutes the top-level `<rootDir>` everywhere, so a config under
 * `scripts/jest/` with `rootDir: '.'` projects pointed at `scripts/jest/scripts/jest/setup.ts`.
 * This writes each project's paths out absolute before the plugin reads them.
 */
export const jestProjects: ToolReader = {
  plugin: 'jest',
  prepareConfig(config, { configFile, workspaceDir }) {
    if (!isRecord(config) || !Array.isArray(config.projects)) return config;
    const configDir = path.dirname(configFile);
    const topRootDir = typeof config.rootDir === 'string' ? path.resolve(configDir, config.rootDir.replace('<rootDir>', configDir)) : configDir;
    const projects = config.projects.map((project) => {
      if (!isRecord(project)) return project;
      const rootDir = typeof project.rootDir !== 'string' ? topRootDir
        : project.rootDir.startsWith('<rootDir>') ? path.join(configDir, project.rootDir.slice('<rootDir>'.length))
          : path.resolve(workspaceDir, project.rootDir);
      return { ...(substituteRootDir(project, rootDir) as Record<string, unknown>), rootDir };
    });
    return { ...config, projects };
  },
};

function substituteRootDir(value: unknown, rootDir: string): unknown {
  if (typeof value === 'string') return value.replaceAll('<rootDir>', rootDir);
  if (Array.isArray(value)) return value.map((item) => substituteRootDir(item, rootDir));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteRootDir(item, rootDir)]));
  return value;
}
