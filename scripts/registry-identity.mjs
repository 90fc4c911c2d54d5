#!/usr/bin/env node
// Runs a cold `orch-guard validate` (no registry) on some projects with two builds of orch-guard
// and compares what each leaves: the findings (JSON reporter), the facts stored per file, and
// the graph tables (symbols, references, module edges; file ids mapped to paths). A change to
// how files are parsed, handed between threads or stored must not change any of them.
// scripts/facts-identity.mjs checks the extraction alone; this checks the whole cold run.
//
//   node scripts/registry-identity.mjs --base /path/to/other/checkout/dist <project-dir>...
//
// The build under test is this checkout's dist/ (run `npm run build` first). A project's own
// .orch-guard/ is moved aside during the runs and put back afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const baseIndex = args.indexOf('--base');
if (baseIndex < 0 || args[baseIndex + 1] === undefined || args.length < 3) {
  console.error('usage: registry-identity.mjs --base <dist-dir> <project-dir>...');
  process.exit(2);
}
const builds = [
  { name: 'base', bin: join(resolve(args[baseIndex + 1]), 'src/cli/bin.js') },
  { name: 'this', bin: fileURLToPath(new URL('../dist/src/cli/bin.js', import.meta.url)) },
];
const projects = args.filter((_, index) => index !== baseIndex && index !== baseIndex + 1).map((project) => resolve(project));

/** Rows of a query as sorted JSON lines: ids differ between runs (files are stored in the order they were parsed). */
function rows(db, sql) {
  return db.prepare(sql).raw().all().map((row) => JSON.stringify(row)).sort();
}

function coldRun(build, root) {
  rmSync(join(root, '.orch-guard'), { recursive: true, force: true });
  const run = spawnSync(process.execPath, [build.bin, 'validate', '--root', root, '--reporter', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${build.name} on ${root}: exit ${run.status}\n${run.stderr}`);
  const db = new Database(join(root, '.orch-guard', 'registry.db'), { readonly: true });
  try {
    return {
      findings: [run.stdout],
      facts: rows(db, 'SELECT path, hash, facts_version, skipped, facts FROM files'),
      symbols: rows(db, 'SELECT f.path, local_index, name, kind, line, column, end_line, parent_index, exported, signature, body_hash FROM symbols s JOIN files f ON f.id = s.file_id'),
      references: rows(db, 'SELECT f.path, from_index, g.path, to_index, kind FROM symbol_references r JOIN files f ON f.id = r.from_file_id JOIN files g ON g.id = r.to_file_id'),
      edges: rows(db, 'SELECT f.path, specifier, form, line, column, resolution, target FROM module_edges e JOIN files f ON f.id = e.from_file_id'),
    };
  } finally {
    db.close();
  }
}

let differences = 0;
for (const root of projects) {
  const own = join(root, '.orch-guard');
  const saved = `${own}.registry-identity-saved`;
  if (existsSync(own)) renameSync(own, saved);
  try {
    const [base, mine] = builds.map((build) => coldRun(build, root));
    for (const part of Object.keys(base)) {
      const different = base[part].length !== mine[part].length || base[part].some((row, index) => row !== mine[part][index]);
      if (!different) continue;
      differences += 1;
      const first = base[part].findIndex((row, index) => row !== mine[part][index]);
      console.log(`DIFF ${root} ${part} (${base[part].length} vs ${mine[part].length} rows), first at row ${first}:\n  base: ${String(base[part][first]).slice(0, 300)}\n  this: ${String(mine[part][first]).slice(0, 300)}`);
    }
    console.log(`${root}: ${base.facts.length} files, ${base.symbols.length} symbols, ${base.references.length} references, ${base.edges.length} edges`);
  } finally {
    rmSync(own, { recursive: true, force: true });
    if (existsSync(saved)) renameSync(saved, own);
  }
}
console.log(`${projects.length} projects, ${differences} parts with differences`);
process.exit(differences === 0 ? 0 : 1);
