import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { stringValue, walk } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/**
 * The loaders a webpack config names (`loader: 'css-loader'`, `use: ['style-loader', ...]`,
 * `'style-loader!css-loader'`), read from its syntax: knip reads them only from a config it could
 * load, and a config may refuse to load outside its environment (a NODE_ENV check that exits,
 * a DLL it builds first). Webpack (and Rspack, which takes the same rules) resolves each as a package.
 */
export const webpackLoaders: readonly ToolReader[] = ['webpack', 'rspack'].map((plugin) => ({
  plugin,
  fromSyntax: loadersOf,
}));

function loadersOf(program: unknown): ConfigMentions {
  const packages = new Set<string>();
  for (const node of walk(program)) {
    if (node.type !== 'Property') continue;
    const key = node.key as { name?: unknown; value?: unknown } | undefined;
    const name = key?.name ?? key?.value;
    if (name !== 'loader' && name !== 'use' && name !== 'loaders') continue;
    const value = node.value as { type?: unknown; elements?: unknown[] } | undefined;
    const candidates = value?.type === 'ArrayExpression' ? (value.elements ?? []) : [value];
    for (const candidate of candidates) {
      for (const loader of (stringValue(candidate) ?? '').split('!')) {
        const request = loader.replace(/\?.*$/, '');
        // `builtin:swc-loader` is Rspack's own.
        if (request !== '' && !request.startsWith('builtin:') && isBareSpecifier(request)) packages.add(packageNameOf(request));
      }
    }
  }
  return { files: [], packages: [...packages] };
}
