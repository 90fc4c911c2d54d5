import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Packages a tool loads by name from its user's install without declaring them anywhere in its
 * package.json (newer versions may declare them as optional; older ones, still installed, do not).
 */
const UNDECLARED_LOADS: Readonly<Record<string, readonly string[]>> = {
  // The image optimizer: `require(process.env.NEXT_SHARP_PATH || 'sharp')` (next ≤ 14).
  next: ['sharp'],
};

/** A package's own code is read only when it is small: a bundle like next's would cost a second. */
const MAX_CODE_FILES = 150;
const MAX_CODE_BYTES = 4 * 1024 * 1024;
/**
 * A larger file is a bundle (vite's `dist/node/chunks/config.js`): the code of packages it
 * inlines requires what those packages load, not what this one's user must install.
 */
const MAX_MODULE_BYTES = 256 * 1024;
const CODE_FILE = /\.[cm]?js$/;

/**
 * Who resolves a package another loads by name: the loading package itself (`require` from its
 * own folder, so its own dependency would do) or the project (Babel resolves plugin names from
 * the project).
 */
export type LoadedBy = 'package' | 'project';

/**
 * Whether the installed package (its folder) loads another by a literal name in its own code:
 * `require('pug')`, `import('pug')`, `require(process.env.X || 'sharp')` — template engines,
 * optional drivers — or in the Babel plugins and presets it configures, and names in its
 * package.json (`manifestText`), as a package names what it tests with. Known tools first; otherwise the code of small packages is read (not its
 * nested node_modules, not its bundles); a large package is not read and loads nothing it does
 * not declare.
 */
export function packagesLoadedByName(name: string, packageDir: string, manifestText: string): (other: string) => LoadedBy | undefined {
  const known = UNDECLARED_LOADS[name] ?? [];
  let code: string[] | undefined;
  return (other) => {
    if (known.includes(other)) return 'package';
    const sibling = scopeSibling(name, other);
    // Its code is read only for a package its manifest names (in `devDependencies`, to test the
    // engines it loads) or one of its own scope: reading every listed package's code would cost
    // each run a second.
    if (!manifestText.includes(`"${other}"`) && sibling === undefined) return undefined;
    code ??= readSmallPackageCode(packageDir);
    const mentioning = code.filter((text) => text.includes(other));
    const literal = new RegExp(`\\b(?:require|import)\\s*\\(\\s*(?:[\\w.$]+\\s*\\|\\|\\s*)?['"\`]${escape(other)}['"\`]\\s*\\)`);
    if (mentioning.some((text) => literal.test(text))) return 'package';
    if (sibling !== undefined && code.some((text) => formsSiblingName(text, sibling))) return 'package';
    // A Babel plugin or preset named in the options the tool hands to Babel (`plugins:
    // [["@babel/plugin-proposal-decorators", {...}]]`): Babel resolves the name from the
    // project, so the project's listing is what it loads, even when the tool depends on it too.
    // The name is an item (after `[` or `,`), not a value in an object (`{ postcssPlugin: "x" }`).
    const babelItem = new RegExp(`\\b(?:plugins|presets)\\s*:\\s*\\[(?:[^\\]]{0,400}?[[,])?\\s*['"\`]${escape(other)}['"\`]`);
    if (mentioning.some((text) => babelItem.test(text))) return 'project';
    // A Node flag the tool adds to the process it starts (`-r source-map-support/register`, the
    // Nest CLI's `nest start`): Node resolves it from the project's folder.
    const requireFlag = new RegExp(`['"\`](?:-r|--require|--import)[ =]${escape(other)}(?:/[^'"\`\\s]*)?['"\`]`);
    return mentioning.some((text) => requireFlag.test(text)) ? 'project' : undefined;
  };
}

/** `@vueuse/math` beside `@vueuse/nuxt`: the scope and the rest of the name; undefined for packages of different scopes. */
function scopeSibling(name: string, other: string): { scope: string; rest: string } | undefined {
  const scope = /^@[^/]+\//.exec(name)?.[0];
  return scope !== undefined && other.startsWith(scope) ? { scope, rest: other.slice(scope.length) } : undefined;
}

/**
 * Whether the code forms the sibling's name from a list of literals: a Nuxt module that
 * auto-imports from the addon packages of its scope that are installed (@vueuse/nuxt's
 * `` `@vueuse/${pkg}` `` over `['core', 'math', ...]`, each checked with `isPackageExists`)
 * loads them, though the project never imports them.
 */
function formsSiblingName(text: string, { scope, rest }: { scope: string; rest: string }): boolean {
  return text.includes(`\`${scope}\${`) && new RegExp(`['"\`]${escape(rest)}['"\`]`).test(text);
}

function readSmallPackageCode(packageDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): boolean => {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of names) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !walk(path.join(dir, entry.name))) return false;
      } else if (CODE_FILE.test(entry.name)) {
        files.push(path.join(dir, entry.name));
        if (files.length > MAX_CODE_FILES) return false;
      }
    }
    return true;
  };
  if (!walk(packageDir)) return [];
  let bytes = 0;
  const modules: string[] = [];
  for (const file of files) {
    const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    bytes += size;
    if (bytes > MAX_CODE_BYTES) return [];
    if (size <= MAX_MODULE_BYTES) modules.push(file);
  }
  return modules.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
