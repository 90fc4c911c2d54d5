import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { installedManifests } from '../../src/analyse/installed-package.js';
import { writeTempProject } from '../support/temp-project.js';

const root = writeTempProject({
  'node_modules/a/package.json': '{ "name": "a", "bin": "cli.js" }',
  'node_modules/broken/package.json': '{ "name": "broken",',
  'packages/app/package.json': '{ "name": "app" }',
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('installed manifests of one analysis', () => {
  test('a manifest is found from a nested folder, and read once per lookup', () => {
    const manifests = installedManifests(root);
    const app = path.join(root, 'packages/app');
    const first = manifests.read(app, 'a');
    expect(first?.manifest).toEqual({ name: 'a', bin: 'cli.js' });
    // Changed on disk after the first read: the analysis keeps what it read.
    writeFileSync(path.join(root, 'node_modules/a/package.json'), '{ "name": "a" }');
    expect(manifests.read(app, 'a')).toBe(first);
    expect(installedManifests(root).read(app, 'a')?.manifest).toEqual({ name: 'a' });
  });

  test('an unparseable manifest is undefined and listed as unreadable, once', () => {
    const manifests = installedManifests(root);
    expect(manifests.read(root, 'broken')).toBeUndefined();
    expect(manifests.read(root, 'broken')).toBeUndefined();
    expect(manifests.read(root, 'missing')).toBeUndefined();
    expect(manifests.unreadable().map(({ file, fromDir }) => ({ file, fromDir }))).toEqual([{ file: path.join(root, 'node_modules/broken/package.json'), fromDir: root }]);
  });
});
