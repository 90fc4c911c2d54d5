import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runFaultCli, snapshotTree, withFaultProject } from './fault-cli.js';

// A file deleted first (src/a-dead.js), forty edited files after it (each written and synced,
// which takes a while), and src/z-lib.js edited last: the user edits z-lib.js the moment
// a-dead.js is gone, after the cleanup checked z-lib.js and before it replaces it.
function project(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
    'src/a-dead.js': 'export const dead = 1;\n',
    'src/z-lib.js': 'export function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n',
  };
  const names = Array.from({ length: 40 }, (_, n) => `b${String(n).padStart(2, '0')}`);
  for (const name of names) files[`src/${name}.js`] = `export const ${name} = 1;\nexport const ${name}Unused = 2;\n`;
  files['src/index.js'] = `import { used } from './z-lib.js';\n${names.map((name) => `import { ${name} } from './${name}.js';\n`).join('')}console.log(used(), ${names.join(', ')});\n`;
  return files;
}

/** A real second process: appends to `file` as soon as `gone` no longer exists. */
function editWhenGone(root: string, gone: string, file: string, text: string): Promise<number | null> {
  const script = `while [ -e ${gone} ]; do :; done; printf '${text}' >> ${file}`;
  const racer = spawn('timeout', ['60', 'bash', '-c', script], { cwd: root, stdio: 'ignore' });
  return new Promise((resolve) => racer.on('close', resolve));
}

describe('an edit made while cleanup --fix writes is never overwritten', () => {
  test('the user appends to a file after the cleanup checked it, before it replaced it: the edit is kept and the cleanup rolled back', async () => {
    await withFaultProject(project(), async (root) => {
      expect((await runFaultCli(['validate', '--root', root])).exitCode).toBe(1);
      const before = snapshotTree(root);
      const edit = editWhenGone(root, 'src/a-dead.js', 'src/z-lib.js', '// the user\\n');
      const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--allow-dirty', '--root', root]);
      expect(await edit).toBe(0);
      const lib = readFileSync(path.join(root, 'src/z-lib.js'), 'utf8');
      if (fixed.exitCode === 0) {
        // The edit came after the cleanup had replaced the file (a slow racer): kept as well.
        expect(lib).toBe('export function used() {\n  return 1;\n}\n// the user\n');
        return;
      }
      expect(lib).toBe(`${project()['src/z-lib.js']}// the user\n`);
      expect(fixed.stderr).toBe('orch-guard: cleanup --fix: src/z-lib.js was changed by something else while the cleanup ran; it is left as it is and the cleanup is rolled back\n');
      expect(fixed.exitCode).toBe(2);
      // Everything else is as it was.
      const after = snapshotTree(root);
      delete after['src/z-lib.js'];
      delete before['src/z-lib.js'];
      expect(after).toEqual(before);
    }, { git: true });
  }, 120_000);
});
