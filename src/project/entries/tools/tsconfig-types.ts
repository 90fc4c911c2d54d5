import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { isRecord, valueAt } from './config-values.js';
import type { ToolReader } from './tool-config-reader.js';

/**
 * tsconfig `compilerOptions.types: ["node", "deno"]` loads `@types/node` and `@types/deno`
 * (`@scope/x` → `@types/scope__x`). knip passes the bare names on, and ignores `node`, `bun` and
 * `deno` as runtime names, so their `@types` packages looked unused. knip's TypeScript plugin
 * follows `extends` and `references`: each tsconfig of the chain comes here.
 * Vue's language tools (vue-tsc, the editor) load `vueCompilerOptions.plugins`
 * (`"@vue-macros/volar/define-models"`): those packages are used too.
 */
export const tsconfigTypes: ToolReader = {
  plugin: 'typescript',
  fromConfig(config) {
    if (!isRecord(config)) return { files: [], packages: [] };
    const types = valueAt(config, 'compilerOptions', 'types');
    const typePackages = (Array.isArray(types) ? types : [])
      .filter((name): name is string => typeof name === 'string' && !name.startsWith('.') && !name.startsWith('/') && !name.startsWith('@types/'))
      .map((name) => `@types/${name.startsWith('@') ? name.slice(1).split('/').slice(0, 2).join('__') : name.split('/')[0]}`);
    const vuePlugins = valueAt(config, 'vueCompilerOptions', 'plugins');
    const pluginPackages = (Array.isArray(vuePlugins) ? vuePlugins : [])
      .filter((name): name is string => typeof name === 'string' && isBareSpecifier(name))
      .map((name) => packageNameOf(name));
    return { files: [], packages: [...typePackages, ...pluginPackages] };
  },
};
