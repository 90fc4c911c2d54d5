#!/usr/bin/env node
// Extracts the facts of every file of some projects with two builds of orch-guard and compares
// them byte for byte: a change to the extraction walk that is meant to be faster must not change
// one fact. Also prints the CPU time each build spent extracting (same process, alternating order;
// CPU rather than wall time, so other load on the machine blurs it less).
//
//   node scripts/facts-identity.mjs --base /path/to/other/checkout/dist <project-dir>...
//
// The build under test is this checkout's dist/ (run `npm run build` first).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';

const SOURCE = /\.(?:[mc]?[jt]sx?|vue|svelte|astro|gts|gjs|mdx?|css|scss|less)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.orch-guard', 'dist', 'coverage']);
const MAX_SIZE = 2 * 1024 * 1024;

const args = process.argv.slice(2);
const baseIndex = args.indexOf('--base');
if (baseIndex < 0 || args[baseIndex + 1] === undefined || args.length < 3) {
  console.error('usage: facts-identity.mjs --base <dist-dir> <project-dir>...');
  process.exit(2);
}
const baseDist = resolve(args[baseIndex + 1]);
const projects = args.filter((_, index) => index !== baseIndex && index !== baseIndex + 1);
const ownDist = fileURLToPath(new URL('../dist', import.meta.url));

const load = async (dist) => (await import(pathToFileURL(join(dist, 'src/indexer/extract/extract-file-facts.js')).href)).extractFileFacts;
const builds = [
  { name: 'base', extract: await load(baseDist), ms: 0 },
  { name: 'this', extract: await load(ownDist), ms: 0 },
];

function sourceFiles(root, folder = root, found = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) sourceFiles(root, path, found);
    } else if (entry.isFile() && SOURCE.test(entry.name) && statSync(path).size <= MAX_SIZE) {
      found.push(relative(root, path));
    }
  }
  return found;
}

function factsJson(build, relativePath, text) {
  const start = process.cpuUsage();
  let json;
  try {
    json = JSON.stringify(build.extract(ts, relativePath, text));
  } catch (error) {
    json = `throws: ${error instanceof Error ? error.message : String(error)}`;
  }
  const used = process.cpuUsage(start);
  build.ms += (used.user + used.system) / 1000;
  return json;
}

let files = 0;
let differences = 0;
for (const project of projects) {
  const root = resolve(project);
  for (const relativePath of sourceFiles(root).sort()) {
    const text = readFileSync(join(root, relativePath), 'utf8');
    // Alternate which build goes first, so warm-up and GC hit both alike.
    const order = files % 2 === 0 ? builds : [...builds].reverse();
    const [first, second] = order.map((build) => factsJson(build, relativePath, text));
    const [base, own] = files % 2 === 0 ? [first, second] : [second, first];
    files += 1;
    if (base !== own) {
      differences += 1;
      if (differences <= 20) {
        let at = 0;
        while (at < base.length && base[at] === own[at]) at += 1;
        console.log(`DIFF ${join(project, relativePath)} at ${at}:\n  base: ${base.slice(Math.max(0, at - 80), at + 120)}\n  this: ${own.slice(Math.max(0, at - 80), at + 120)}`);
      }
    }
  }
}
console.log(`${files} files, ${differences} with different facts`);
for (const build of builds) console.log(`${build.name}: ${Math.round(build.ms)} ms CPU extracting`);
process.exit(differences === 0 ? 0 : 1);
