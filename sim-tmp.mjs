import { readFileSync } from 'node:fs';
import { loadTypeScript } from '/work/wt/dupes/dist/src/typescript/load-typescript.js'; const ts = loadTypeScript();
import { bodyTokens } from '/work/wt/dupes/dist/src/indexer/extract/body-tokens.js';
import { sketchTokens, decodeSketch, sketchSimilarity } from '/work/wt/dupes/dist/src/indexer/extract/body-sketch.js';
function fn(file) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s)) return s;
    if (ts.isVariableStatement(s)) return s.declarationList.declarations[0].initializer;
  }
}
const shingles = (t, k) => { const s = new Set(); for (let i = 0; i + k <= t.length; i++) s.add(t.slice(i, i + k).join(' ')); return s; };
const [a, b] = process.argv.slice(2);
const ta = bodyTokens(ts, fn(a)).tokens, tb = bodyTokens(ts, fn(b)).tokens;
const sa = shingles(ta.filter(x=>x!==')'),4), sb = shingles(tb.filter(x=>x!==')'),4);
let i=0; for (const x of sa) if (sb.has(x)) i++;
console.log(ta.length, tb.length, sa.size, sb.size, 'J', (i/(sa.size+sb.size-i)).toFixed(2), 'C', (i/Math.min(sa.size,sb.size)).toFixed(2), 'est', sketchSimilarity(decodeSketch(sketchTokens(ta)), decodeSketch(sketchTokens(tb))).toFixed(2));
if (process.env.SHOW) console.log(ta.join(' '));
