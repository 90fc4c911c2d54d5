import path from 'node:path';
import { existingFile, isRecord } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/**
 * Expo's local config plugins (`"plugins": ["./plugins/with-flavor.js", ["./plugins/x", {}]]`
 * in app.json or app.config.*): `expo prebuild` and EAS load them by path, nothing imports them.
 * knip's Expo plugin takes only the package names from that list.
 */
export const expoConfigPlugins: ToolReader = {
  plugin: 'expo',
  fromConfig(loaded, { configFile }): ConfigMentions {
    const configDir = path.dirname(configFile);
    // app.config.js may export a function of the static config: called as Expo calls it.
    const config = typeof loaded === 'function' ? (loaded as (context: unknown) => unknown)({ config: {}, projectRoot: configDir }) : loaded;
    const expo = isRecord(config) && isRecord(config.expo) ? config.expo : config;
    const plugins = isRecord(expo) && Array.isArray(expo.plugins) ? expo.plugins : [];
    const files: string[] = [];
    for (const plugin of plugins) {
      const name = Array.isArray(plugin) ? plugin[0] : plugin;
      if (typeof name !== 'string' || !(name.startsWith('./') || name.startsWith('../'))) continue;
      const file = existingFile(path.resolve(configDir, name));
      if (file !== undefined) files.push(file);
    }
    return { files, packages: [] };
  },
};
