import { isRecord } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/**
 * The Nest CLI builds with webpack when nest-cli.json says so (`compilerOptions.webpack: true`
 * or `builder: 'webpack'`, for the workspace or one of its `projects`): its webpack defaults
 * compile with `ts-loader`, which webpack resolves from the project. knip's Nest plugin reads
 * only the schematics `collection`.
 */
export const nestCli: ToolReader = {
  plugin: 'nest',
  fromConfig(config): ConfigMentions {
    if (!isRecord(config)) return { files: [], packages: [] };
    const projects = isRecord(config.projects) ? Object.values(config.projects) : [];
    const usesWebpack = [config, ...projects].some((entry) => isRecord(entry) && isRecord(entry.compilerOptions)
      && (entry.compilerOptions.webpack === true || entry.compilerOptions.builder === 'webpack'
        || (isRecord(entry.compilerOptions.builder) && entry.compilerOptions.builder.type === 'webpack')));
    return { files: [], packages: usesWebpack ? ['ts-loader'] : [] };
  },
};
