#!/usr/bin/env node
// Samples each tool's findings on each corpus repository and writes judging sheets.
//
//   node scripts/sample-findings.mjs --corpus /work/corpus --label baseline --seed 11 [--size 25]
//
// Reads <corpus>/results/<label>/<repo>/<tool>.json (scripts/run-corpus.mjs), normalises the
// findings of orch-guard, knip and fallow to comparable rules (scripts/corpus-findings.mjs),
// takes `size` of them per repository and tool at random with the seed, stratified by rule, and
// writes <corpus>/judging/<label>-seed<seed>/<repo>.md: each sampled finding with its file, line,
// symbol, a code excerpt and where else the name occurs (a hint for the judge, not a verdict),
// plus samples.json for scripts/tally-verdicts.mjs. Verdicts are judged by reading the code and
// recorded in <corpus>/verdicts.tsv (claim key, TP|FP|unsure, cause; scripts/corpus-findings.mjs)
// under the finding's claim key (the claim, not the tool, so the same claim made by two tools
// or two runs is judged once).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { READERS, SAMPLE_OPTIONS, claimKey, readVerdictFiles, sampleStratified } from './corpus-findings.mjs';

const { values } = parseArgs({ options: { ...SAMPLE_OPTIONS, size: { type: 'string', default: '25' } } });

const EXCERPT_LINES = 3;

function excerpt(root, file, line) {
  const full = path.join(root, file);
  if (!file || !fs.existsSync(full) || fs.statSync(full).isDirectory()) return '(no such file)';
  const lines = fs.readFileSync(full, 'utf8').split('\n');
  const at = Math.max(1, line || 1);
  const from = line ? Math.max(1, at - EXCERPT_LINES) : 1;
  const to = Math.min(lines.length, line ? at + EXCERPT_LINES : 8);
  const out = [];
  for (let number = from; number <= to; number += 1) out.push(`${number === at && line ? '>' : ' '}${String(number).padStart(4)} | ${lines[number - 1].slice(0, 160)}`);
  return out.join('\n');
}

/** Where else the finding's name occurs in tracked files: a hint for the judge. */
function occurrences(root, finding) {
  const name = finding.rule === 'unused-file'
    ? path.basename(finding.file).replace(/\.[^.]+$/, '').replace(/^index$/, path.basename(path.dirname(finding.file)))
    : finding.symbol.split(/[.→ =]/).filter(Boolean).pop();
  if (!name || name.length < 2) return '';
  const result = spawnSync('git', ['-C', root, 'grep', '-n', '-F', '-I', '--', name], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const hits = (result.stdout || '').split('\n').filter(Boolean).filter((hit) => !hit.startsWith(`${finding.file}:`));
  const files = [...new Set(hits.map((hit) => hit.split(':')[0]))];
  const shown = hits.slice(0, 6).map((hit) => `    ${hit.slice(0, 170)}`).join('\n');
  return `\`${name}\` occurs in ${files.length} other tracked file(s)${files.length ? `:\n${shown}` : ''}`;
}

const resultsDir = path.join(values.corpus, 'results', values.label);
const outDir = path.join(values.corpus, 'judging', `${values.label}-seed${values.seed}`);
const verdicts = readVerdictFiles(values);
fs.mkdirSync(outDir, { recursive: true });
const samples = [];
for (const repo of fs.readdirSync(resultsDir).filter((name) => fs.statSync(path.join(resultsDir, name)).isDirectory()).sort()) {
  const root = path.join(values.corpus, repo);
  const sheet = [`# ${repo}: sampled findings (label ${values.label}, seed ${values.seed})\n`];
  for (const [tool, read] of Object.entries(READERS)) {
    const file = path.join(resultsDir, repo, `${tool}.json`);
    let findings;
    try {
      findings = read(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      sheet.push(`## ${tool}: no JSON output (crash or not run)\n`);
      continue;
    }
    const sample = sampleStratified(findings, Number(values.size), Number(values.seed), `${repo}|${tool}`);
    const counts = {};
    for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
    sheet.push(`## ${tool}: ${findings.length} findings, ${sample.length} sampled\n\nby rule: ${JSON.stringify(counts)}\n`);
    sample.forEach((finding, index) => {
      const id = `${tool}-${String(index + 1).padStart(2, '0')}`;
      const key = claimKey(repo, finding);
      samples.push({ repo, tool, id, key, total: findings.length, ...finding });
      const known = verdicts[key] ? ` — judged: **${verdicts[key].verdict}** ${verdicts[key].cause ?? ''}` : '';
      sheet.push(`### ${id} · ${finding.rule} (${finding.sourceRule}) · \`${finding.file}:${finding.line}\` · \`${finding.symbol}\`${finding.confidence === 'low' ? ' · low confidence' : ''}${known}\n`);
      sheet.push(`key: \`${key}\`\n\n\`\`\`\n${excerpt(root, finding.file, finding.line)}\n\`\`\`\n\n${occurrences(root, finding)}\n`);
    });
  }
  fs.writeFileSync(path.join(outDir, `${repo}.md`), sheet.join('\n'));
}
fs.writeFileSync(path.join(outDir, 'samples.json'), JSON.stringify(samples, null, 2));
console.log(`${samples.length} findings sampled into ${outDir}`);
