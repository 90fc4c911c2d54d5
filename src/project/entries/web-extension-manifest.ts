import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageScriptTargets } from './html-entries.js';

/** Where a browser extension keeps its manifest.json, relative to the package. */
const MANIFEST_DIRS = ['', 'src', 'public', 'static', 'extension', 'app'];

/**
 * Files a browser extension's manifest.json (one with `manifest_version`) makes the browser run:
 * the background service worker or scripts, content scripts, and the scripts of its pages
 * (popup, options, devtools, side panel, new-tab overrides, sandboxed pages). Absolute paths,
 * relative to the manifest's folder; `manifest` names it for the entry's detail.
 */
export function webExtensionTargets(packageDir: string): Array<{ manifest: string; target: string }> {
  const targets: Array<{ manifest: string; target: string }> = [];
  for (const dir of MANIFEST_DIRS) {
    const file = path.join(packageDir, dir, 'manifest.json');
    const manifest = readManifest(file);
    if (manifest === undefined) continue;
    const base = path.dirname(file);
    const label = path.join(dir, 'manifest.json').split(path.sep).join('/');
    const scripts = [
      value(manifest, 'background', 'service_worker'),
      ...list(value(manifest, 'background', 'scripts')),
      ...list(manifest.content_scripts).flatMap((entry) => list(value(entry, 'js'))),
      ...list(manifest.user_scripts).flatMap((entry) => list(value(entry, 'js'))),
    ];
    const pages = [
      value(manifest, 'background', 'page'),
      value(manifest, 'action', 'default_popup'),
      value(manifest, 'browser_action', 'default_popup'),
      value(manifest, 'page_action', 'default_popup'),
      manifest.options_page,
      value(manifest, 'options_ui', 'page'),
      manifest.devtools_page,
      value(manifest, 'side_panel', 'default_path'),
      value(manifest, 'sidebar_action', 'default_panel'),
      ...Object.values(asRecord(manifest.chrome_url_overrides) ?? {}),
      ...list(value(manifest, 'sandbox', 'pages')),
    ];
    for (const script of scripts) if (isLocalPath(script)) targets.push({ manifest: label, target: path.resolve(base, script) });
    for (const page of pages) {
      if (!isLocalPath(page)) continue;
      for (const target of pageScriptTargets(path.resolve(base, page.split(/[?#]/)[0]), base)) targets.push({ manifest: label, target });
    }
  }
  return targets;
}

function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    const parsed = asRecord(JSON.parse(readFileSync(file, 'utf8')));
    return typeof parsed?.manifest_version === 'number' ? parsed : undefined;
  } catch {
    // No manifest there, or one that is not JSON (a template with comments): nothing to add.
    return undefined;
  }
}

function asRecord(candidate: unknown): Record<string, unknown> | undefined {
  return candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate) ? candidate as Record<string, unknown> : undefined;
}

function value(object: unknown, ...keys: string[]): unknown {
  let current = object;
  for (const key of keys) current = asRecord(current)?.[key];
  return current;
}

function list(candidate: unknown): unknown[] {
  return Array.isArray(candidate) ? candidate : [];
}

function isLocalPath(candidate: unknown): candidate is string {
  return typeof candidate === 'string' && candidate !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(candidate);
}
