import type { Rule } from '../src/rule-engine/rule.js';
import type { AnalysisContext } from '../src/rule-engine/analysis-context.js';
import type { RuleFinding } from '../src/rule-engine/finding.js';
import { findSimilarBodies } from '../src/rule-engine/similar-bodies.js';
import type { GraphFile } from '../src/graph/symbol-graph.js';

const DEFAULT_MIN_BODY_SIZE = 25;
/** localeCompare's order (the same collation), without building a collator on every call. */
const byLocale = new Intl.Collator().compare;
const DEFAULT_MIN_SIMILARITY = 0.85;

interface Copy {
  file: string;
  line: number;
  column: number;
  name: string;
  kind: string;
  hash: string;
  size: number;
  sketch: string;
}

export const duplicateImplementation: Rule = {
  meta: {
    id: 'duplicate-implementation',
    description: 'A function whose body is the same as, or nearly the same as, an older function in another file, up to renamed locals, literals, types, formatting and the order of independent statements.',
    defaultSeverity: 'warn',
    docs: {
      flags: 'Functions, methods and function-valued variables in different files whose bodies are the same once the names they bind (parameters, locals) are renamed consistently, literals are blanked, types, comments and formatting are ignored and independent statements are put in one order; and near-copies whose normalised code is at least `duplicates.minSimilarity` alike (default 0.85). Names a body does not bind (imports, globals, properties) must match. Bodies smaller than `duplicates.minBodySize` syntax nodes (default 25, above a body that returns one expression) are ignored. Reported at the newer copy (the file git added later; a file not in git is the newest), naming the older one to reuse.',
      details: [
        '**Exact copies.** The indexer prints each function body (of at least `duplicates.minBodySize` syntax nodes, parameters and types not counted) as normalised tokens and hashes them:',
        '',
        '- names the function binds (parameters, `const`/`let`/`var`, nested functions and classes, catch variables, its own name in a recursive call) become `$0`, `$1`, … in the order they first appear; one scope per function, so a block that shadows a name of its own function shares its placeholder;',
        '- names it does not bind stay as written: imports, globals, properties, methods. Two functions of the same shape that call different imports are different functions;',
        '- literals keep only their kind (a copy that changes a message or a separator is still a copy), except inside JSX, where text and attribute values are the content and count;',
        '- comments, formatting, parentheses, braces around the one statement of an `if` or a loop, type annotations, type arguments, `as`/`satisfies`/`!` and type declarations are dropped: they do not change what the code does;',
        '- adjacent declarations and assignments that do not depend on each other (neither writes a name or property path, such as `this.a`, that the other reads or writes) are sorted by their normalised text, so reordering them gives the same hash; dependent ones keep their order. Calls in them are assumed not to depend on each other\'s order.',
        '',
        '**Near-copies.** The same tokens, with literal values added (one token per 4 characters, so long data weighs more), are cut into 4-token shingles and summarised by a 64-slot MinHash sketch. The similarity is the share of the smaller body\'s shingles found in the other (|A∩B| / min(|A|,|B|), estimated from the sketches, about ±0.05), reported when it is at least `duplicates.minSimilarity` (default 0.85; 1 turns near-copies off) for bodies of comparable size (shingle counts within 25%) and at least twice the minimum size. Candidates come from locality-sensitive hashing (21 bands of 3 slots), so a project with thousands of functions is not compared pair by pair. A component that only returns markup (`return <svg>…</svg>`) is compared for exact copies only: templates that share a layout are alike by design.',
        '',
        '**Which copy is older.** The file git added first (`git log --diff-filter=A --no-renames`, only for the files involved, once per run); a file git does not have (new, untracked, no git) is the newest. Ties are ordered by path, then line. Two entry files that declare the same name (each route file\'s own `loader`, `ErrorBoundary` or `generateMetadata`, each story file\'s stories) follow their framework\'s convention and are not reported. The finding sits on each newer copy (in a file other than the oldest\'s) and names the oldest to reuse; a near-copy names its most similar older body. Under `orch-guard run`, a duplicate is blamed on the task that wrote the newer copy.',
      ].join('\n'),
      why: 'A helper written twice drifts: a bug is fixed in one copy only. It usually means the author did not know the first one existed.',
      fix: 'Keep the older implementation (export it from where it belongs) and call it from both places; for a near-copy, make the difference a parameter. `orch-guard registry find <name>` shows what exists before you write it.',
      flaggedExample: '// src/a/slug.ts\nexport function slugify(text: string) { const trimmed = text.trim().toLowerCase(); return trimmed.replace(/\\s+/g, \'-\').replace(/[^a-z0-9-]/g, \'\'); }\n// src/b/url.ts (written later)\nexport function toUrlPart(s: string) { const clean = s.trim().toLowerCase(); return clean.replace(/\\s+/g, \'_\').replace(/[^a-z0-9_]/g, \'\'); }',
      cleanExample: '// src/b/url.ts\nimport { slugify } from \'../a/slug\';\nexport const toUrlPart = slugify;',
    },
  },
  check(context) {
    const minimum = context.options.minDuplicateBodySize ?? DEFAULT_MIN_BODY_SIZE;
    const threshold = context.options.minDuplicateSimilarity ?? DEFAULT_MIN_SIMILARITY;
    const copies = collectCopies(context.files, minimum);
    const groups = new Map<string, Copy[]>();
    for (const copy of copies) {
      const group = groups.get(copy.hash);
      if (group === undefined) groups.set(copy.hash, [copy]);
      else group.push(copy);
    }
    const exact = [...groups.values()].filter((group) => new Set(group.map((copy) => copy.file)).size > 1);
    // A small body that differs in a token or two differs in what it is about (a wrapper of
    // another element, an icon): near-copies are looked for among bodies twice the minimum.
    const large = copies.filter((copy) => copy.size >= 2 * minimum);
    const similar = (threshold < 1 ? findSimilarBodies(large, threshold) : []).map((pair) => ({ a: large[pair.a], b: large[pair.b], similarity: pair.similarity }));
    const involved = new Set([...exact.flat(), ...similar.flatMap((pair) => [pair.a, pair.b])].map((copy) => copy.file));
    const ages = context.fileAges([...involved].sort());
    // Older first: added to git earlier; not in git counts as newest; then by path and line.
    const rank = pathRanks(involved);
    const older = (a: Copy, b: Copy) => (ages.get(a.file) ?? Infinity) - (ages.get(b.file) ?? Infinity) || (rank.get(a.file) as number) - (rank.get(b.file) as number) || a.line - b.line;
    const findings: RuleFinding[] = [];
    const reported = new Set<Copy>();
    for (const group of exact) {
      const [original, ...others] = [...group].sort(older);
      for (const copy of others.filter((other) => other.file !== original.file && !perEntryConvention(context, other, original))) {
        reported.add(copy);
        findings.push(finding(copy, original, `\`${copy.name}\` has the same body as \`${original.name}\` (${original.file}:${original.line}) up to names, literals and statement order: a helper written twice. Reuse \`${original.name}\` from ${original.file}:${original.line} and delete this copy.`));
      }
    }
    // A near-copy names its most similar older body, once.
    const best = new Map<Copy, { original: Copy; similarity: number }>();
    for (const pair of similar) {
      const [original, copy] = [pair.a, pair.b].sort(older);
      const current = best.get(copy);
      if (current === undefined || pair.similarity > current.similarity || (pair.similarity === current.similarity && older(original, current.original) < 0)) {
        best.set(copy, { original, similarity: pair.similarity });
      }
    }
    for (const [copy, { original, similarity }] of best) {
      if (reported.has(copy) || perEntryConvention(context, copy, original)) continue;
      // Different hashes: never shown as 1.00, even when the estimate rounds there.
      const rounded = Math.min(0.99, Math.round(similarity * 100) / 100);
      findings.push({
        ...finding(copy, original, `\`${copy.name}\` is a near-copy of \`${original.name}\` (${original.file}:${original.line}), similarity ${rounded.toFixed(2)} up to names, literals and statement order: a helper written twice, then changed. Reuse \`${original.name}\` from ${original.file}:${original.line}, with the difference as a parameter.`),
        reason: 'similar-body',
        similarity: rounded,
      });
    }
    return findings.sort((a, b) => byLocale(a.file, b.file) || a.line - b.line);
  },
};

/**
 * Each file's place in path order (localeCompare's; paths it deems equal share a place): sorting
 * copies compares ranks, where comparing paths on every comparison was a large part of the rule's
 * time. Only the files of copies that are compared are ranked (sorting every file with a copy
 * was most of the rule's time on a project with few duplicates).
 */
function pathRanks(files: ReadonlySet<string>): Map<string, number> {
  const paths = [...files].sort(byLocale);
  const ranks = new Map<string, number>();
  paths.forEach((file, index) => ranks.set(file, index > 0 && byLocale(paths[index - 1], file) === 0 ? ranks.get(paths[index - 1]) as number : index));
  return ranks;
}

function collectCopies(files: readonly GraphFile[], minimum: number): Copy[] {
  const copies: Copy[] = [];
  for (const file of files) {
    if (file.isDeclarationFile || file.facts.skipped !== undefined) continue;
    for (const declaration of file.facts.declarations) {
      if (declaration.bodyHash === undefined || (declaration.bodySize ?? 0) < minimum) continue;
      const owner = declaration.parent >= 0 ? `${file.facts.declarations[declaration.parent].name}.` : '';
      copies.push({
        file: file.path, line: declaration.line, column: declaration.column, name: `${owner}${declaration.name}`, kind: declaration.kind,
        hash: declaration.bodyHash, size: declaration.bodySize ?? 0, sketch: declaration.bodySketch ?? '',
      });
    }
  }
  return copies;
}

/**
 * The same name in two entry files: a framework asks each route or story file for its own
 * `loader`, `ErrorBoundary`, `generateMetadata` or story, so the copies are the convention.
 */
function perEntryConvention(context: AnalysisContext, copy: Copy, original: Copy): boolean {
  return copy.name === original.name && context.fileByPath(copy.file)?.isEntry === true && context.fileByPath(original.file)?.isEntry === true;
}

function finding(copy: Copy, original: Copy, message: string): RuleFinding {
  return {
    file: copy.file, line: copy.line, column: copy.column, symbol: copy.name, kind: copy.kind,
    reason: 'duplicate-body', referrers: [`${original.file}#${original.name}`], message,
  };
}
