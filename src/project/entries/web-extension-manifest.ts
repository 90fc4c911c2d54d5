import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../../files/jsonc.js';
import { pageScriptTargets } from './html-entries.js';

/** Where a browser extension keeps its manifest.json, relative to the package. */
const MANIFEST_DIRS = ['', 'src', 'public', 'static', 'extension', 'app'];

/**
 * Files a browser extension's manifest.json (one with `manifest_version`) makes the browser run:
 * the background service worker or scripts, content scripts, and the scripts of its pages
 * (popup, options, devtools, side panel, new-tab overrides, sandboxed pages). Absolute paths,
 * relative to the manifest's folder; `manifest` names it for the entry's detail. A file that names
 * `manifest_version` but cannot be read as JSON with comments (which browsers accept) is in
 * `unreadable`, so its scripts are said to be unknown rather than left out silently.
 */
export function webExtensionTargets(packageDir: string): { targets: Array<{ manifest: string; target: string }>; unreadable: Array<{ manifest: string; error: string }> } {
  const targets: Array<{ manifest: string; target: string }> = [];
  const unreadable: Array<{ manifest: string; error: string }> = [];
  for (const dir of MANIFEST_DIRS) {
    const file = path.join(packageDir, dir, 'manifest.json');
    const label = path.join(dir, 'manifest.json').split(path.sep).join('/');
    const read = readManifest(file);
    if (read?.error !== undefined) unreadable.push({ manifest: label, error: read.error });
    const manifest = read?.manifest;
    if (manifest === undefined) continue;
    const base = path.dirname(file);
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
  return { targets, unreadable };
}

/** The extension manifest in `file`; undefined when there is none (or the JSON is another kind of manifest). */
function readManifest(file: string): { manifest?: Record<string, unknown>; error?: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no manifest.json in this folder
  }
  try {
    const parsed = asRecord(parseJsonc(text));
    return typeof parsed?.manifest_version === 'number' ? { manifest: parsed } : undefined;
  } catch (error) {
    // A web app manifest or a template that is not JSON says nothing; one naming manifest_version does.
    return text.includes('"manifest_version"') ? { error: error instanceof Error ? error.message : String(error) } : undefined;
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
