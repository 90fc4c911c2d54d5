import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { tanstackRouterEntries } from '../../src/project/entries/tools/tanstack-router.js';
import { writeTempProject } from '../support/temp-project.js';

const dirs: string[] = [];
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function workspaceWith(config: object) {
  const dir = writeTempProject({ 'tsr.config.json': JSON.stringify(config) });
  dirs.push(dir);
  return { dir, name: 'app', pkg: { name: 'app', dependencies: { '@tanstack/react-router': '1.0.0' } } };
}

describe('TanStack Router route entries', () => {
  test('a route file prefix and ignore pattern select the routes of routesDirectory', () => {
    const workspace = workspaceWith({ routesDirectory: './app/pages', routeFilePrefix: 'r-', routeFileIgnorePattern: '\\.test\\.' });
    const files = ['app/pages/__root.tsx', 'app/pages/r-home.tsx', 'app/pages/helper.ts', 'app/pages/r-home.test.tsx', 'src/other.ts'];
    expect(tanstackRouterEntries(workspace, files)).toEqual({ entries: ['app/pages/__root.tsx', 'app/pages/r-home.tsx'] });
  });

  test('a virtual route tree names its files, nested children included', () => {
    const workspace = workspaceWith({
      routesDirectory: './src/v',
      virtualRouteConfig: { type: 'root', file: 'root.tsx', children: [{ type: 'layout', file: 'shell.tsx', children: [{ type: 'route', file: 'a/b.tsx' }] }] },
    });
    const files = ['src/v/root.tsx', 'src/v/shell.tsx', 'src/v/a/b.tsx', 'src/v/orphan.tsx', 'src/router.ts'];
    expect(tanstackRouterEntries(workspace, files)).toEqual({ entries: ['src/router.ts', 'src/v/root.tsx', 'src/v/shell.tsx', 'src/v/a/b.tsx'] });
  });

  test('nothing without a TanStack dependency', () => {
    const dir = writeTempProject({ 'tsr.config.json': '{}' });
    dirs.push(dir);
    expect(tanstackRouterEntries({ dir, name: 'x', pkg: { name: 'x' } }, ['src/routes/index.tsx'])).toEqual({ entries: [] });
  });

  test('a tsr.config.json that is not JSON: the defaults, and why it could not be read', () => {
    const dir = writeTempProject({ 'tsr.config.json': '{ "routesDirectory": "./app", }' });
    dirs.push(dir);
    const result = tanstackRouterEntries({ dir, name: 'x', pkg: { name: 'x', dependencies: { '@tanstack/react-router': '1.0.0' } } }, ['src/routes/index.tsx', 'app/index.tsx']);
    expect(result.entries).toEqual(['src/routes/index.tsx']);
    expect(result.configError).toMatch(/JSON/);
  });
});
