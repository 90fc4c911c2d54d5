import { readFileSync } from 'node:fs';
import { loadTypeScript } from '/work/wt/dupes/dist/src/typescript/load-typescript.js'; const ts = loadTypeScript();
const [label, repo, filter] = process.argv.slice(2);
const j = JSON.parse(readFileSync(`/tmp/dupes-out/${label}-${repo}.json`, 'utf8'));
function textAt(file, line, name) {
  let text = readFileSync(`/work/corpus/${repo}/${file}`, 'utf8');
  if (file.endsWith('.vue')) { const m = text.match(/<script[^>]*>([\s\S]*?)<\/script>/g); }
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let best;
  const short = name.split('.').pop();
  const visit = (n) => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isVariableDeclaration(n)) && n.name && n.name.getText(sf) === short) {
      const l = sf.getLineAndCharacterOfPosition(n.name.getStart(sf)).line + 1;
      if (line === undefined || l === line) best ??= n;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return best ? best.getText(sf) : '(not found)';
}
for (const f of j.findings.filter((x) => x.rule === 'duplicate-implementation')) {
  if (filter && !f.file.includes(filter)) continue;
  const [rf, rn] = f.referrers[0].split('#');
  console.log(`\n======== ${f.file}:${f.line} ${f.symbol} ${f.similarity ?? '='}\n${textAt(f.file, f.line, f.symbol)}\n-------- ${rf} ${rn}\n${textAt(rf, undefined, rn)}`);
}
