import path from 'node:path';
import { isRecord } from './config-values.js';
import type { ToolReader } from './tool-config-reader.js';

/** Options whose relative paths Jest resolves from `rootDir` (jest-config's normalize). */
const PATH_OPTIONS = ['setupFiles', 'setupFilesAfterEnv', 'globalSetup', 'globalTeardown', 'snapshotResolver', 'testSequencer', 'testResultsProcessor', 'snapshotSerializers'];

/**
 * Jest resolves a relative path in `setupFiles`, `setupFilesAfterEnv`, `globalSetup` and the like
 * from `rootDir`, not from the config's folder: with `rootDir: 'src'`, `'../tests/init.js'` is
 * `<config folder>/tests/init.js`. knip's plugin resolves it from the config's folder (only
 * `<rootDir>` is substituted), so the file looked missing and the setup file unused. This writes
 * those paths out absolute before the plugin reads them.
 */
export const jestRootDirPaths: ToolReader = {
  plugin: 'jest',
  prepareConfig(config, { configFile }) {
    if (!isRecord(config) || typeof config.rootDir !== 'string') return config;
    const configDir = path.dirname(configFile);
    const rootDir = path.resolve(configDir, config.rootDir.replace('<rootDir>', configDir));
    if (rootDir === configDir) return config;
    const absolute = (value: unknown) => (typeof value === 'string' && /^\.{1,2}\//.test(value) ? path.join(rootDir, value) : value);
    const prepared: Record<string, unknown> = { ...config };
    for (const option of PATH_OPTIONS) {
      const value = config[option];
      if (value !== undefined) prepared[option] = Array.isArray(value) ? value.map(absolute) : absolute(value);
    }
    return prepared;
  },
};
