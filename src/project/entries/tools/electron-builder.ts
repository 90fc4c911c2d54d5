import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPackageJson } from '../../../manifests/package-json.js';
import { isRecord } from './config-values.js';
import type { ToolConvention } from './tool-convention.js';

/** The hooks electron-builder runs as modules (a path to a file that exports the hook). */
const HOOKS = ['afterSign', 'afterPack', 'afterExtract', 'afterAllArtifactBuild', 'beforeBuild', 'beforePack', 'artifactBuildStarted', 'artifactBuildCompleted', 'onNodeModuleFile', 'appxManifestCreated', 'msiProjectCreated'];
const CONFIG_FILES = ['electron-builder.json', 'electron-builder.json5', 'electron-builder.yml', 'electron-builder.yaml'];

/**
 * electron-builder: the hook scripts its config names (`"afterSign": "scripts/notarize.js"` in
 * package.json `build` or electron-builder.yml) are loaded by the build, nothing imports them.
 * knip has no plugin for it. A config in JavaScript is not read (its hooks are functions or
 * requires, which the import graph sees).
 */
export const electronBuilder: ToolConvention = {
  name: 'electron-builder',
  dependency: 'electron-builder',
  entries: [],
  configuredEntries: (packageDir) => {
    const build = (readPackageJson(packageDir, packageDir) as { build?: unknown } | undefined)?.build;
    const targets = isRecord(build) ? HOOKS.map((hook) => build[hook]).filter((value): value is string => typeof value === 'string') : [];
    for (const name of CONFIG_FILES) {
      let text: string;
      try {
        text = readFileSync(path.join(packageDir, name), 'utf8');
      } catch {
        continue; // not this file name
      }
      for (const hook of HOOKS) {
        const value = text.match(new RegExp(`^\\s*["']?${hook}["']?\\s*:\\s*["']?([^"'\\s,#]+)`, 'm'))?.[1];
        if (value !== undefined) targets.push(value);
      }
    }
    return targets.filter((target) => target.startsWith('./') || /^[\w.-]+\//.test(target))
      .map((target) => `${path.posix.normalize(target).replace(/^\.\//, '').replace(/[[\]{}*?!]/g, '?')}{,.js,.cjs,.mjs,.ts}`);
  },
};
