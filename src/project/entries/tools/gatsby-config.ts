import path from 'node:path';
import { existingFile, isRecord } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/**
 * Gatsby's `plugins` in gatsby-config, at every depth: a plugin's `options.plugins` names
 * sub-plugins it loads itself (`gatsby-transformer-remark` loads `gatsby-remark-images`), which
 * knip's plugin does not read — it takes the top-level list only. A name may be a package, a
 * local plugin folder (`plugins/<name>`) or a path.
 */
export const gatsbyConfig: ToolReader = {
  plugin: 'gatsby',
  fromConfig(loaded, { configFile }): ConfigMentions {
    const mentions: ConfigMentions = { files: [], packages: [] };
    if (!/^gatsby-config\./.test(path.basename(configFile))) return mentions;
    const configDir = path.dirname(configFile);
    const config = typeof loaded === 'function' ? (loaded as () => unknown)() : loaded;
    const visit = (plugins: unknown, depth: number): void => {
      if (!Array.isArray(plugins) || depth > 4) return;
      for (const plugin of plugins) {
        const name = typeof plugin === 'string' ? plugin : isRecord(plugin) && typeof plugin.resolve === 'string' ? plugin.resolve : undefined;
        if (name !== undefined) addPlugin(name, configDir, mentions);
        if (isRecord(plugin) && isRecord(plugin.options)) visit(plugin.options.plugins, depth + 1);
      }
    };
    if (isRecord(config)) visit(config.plugins, 0);
    return mentions;
  },
};

function addPlugin(name: string, configDir: string, mentions: ConfigMentions): void {
  if (path.isAbsolute(name) || name.startsWith('.')) {
    const file = existingFile(path.resolve(configDir, name));
    if (file !== undefined) mentions.files.push(file);
    return;
  }
  // A local plugin (`plugins/<name>/`) shadows a package of that name: its API files are
  // entries by the Gatsby convention; the name is still passed on (optional, never unlisted).
  mentions.packages.push(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]);
}
