const CONTEXT_LINES = 3;

type Edit = { type: 'same' | 'remove' | 'add'; line: string };

/**
 * A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks with 3 lines of context) between two
 * versions of a file; null stands for a file that does not exist (created or deleted).
 */
export function unifiedDiff(file: string, before: string | null, after: string | null): string {
  if (before === after) return '';
  const oldLines = before === null ? [] : splitLines(before);
  const newLines = after === null ? [] : splitLines(after);
  const edits = diffLines(oldLines, newLines);
  const header = `--- ${before === null ? '/dev/null' : `a/${file}`}\n+++ ${after === null ? '/dev/null' : `b/${file}`}\n`;
  return header + hunks(edits).join('');
}

/** Counts of removed and added lines, for summaries. */
export function diffStat(before: string | null, after: string | null): { removed: number; added: number } {
  const edits = diffLines(before === null ? [] : splitLines(before), after === null ? [] : splitLines(after));
  return {
    removed: edits.filter((edit) => edit.type === 'remove').length,
    added: edits.filter((edit) => edit.type === 'add').length,
  };
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Myers' O((N+M)·D) shortest edit script: fast when few lines change, as in a cleanup. */
function diffLines(a: string[], b: string[]): Edit[] {
  const max = a.length + b.length;
  const offset = max + 1;
  let v: Int32Array<ArrayBufferLike> = new Int32Array(2 * max + 3);
  const trace: Array<Int32Array<ArrayBufferLike>> = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
    if (found) trace.push(v.slice());
  }
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 2; d >= 0; d -= 1) {
    v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      edits.push({ type: 'same', line: a[x - 1] });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (x === previousX) edits.push({ type: 'add', line: b[y - 1] });
      else edits.push({ type: 'remove', line: a[x - 1] });
    }
    x = previousX;
    y = previousY;
  }
  return edits.reverse();
}

function hunks(edits: Edit[]): string[] {
  const result: string[] = [];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < edits.length) {
    if (edits[index].type === 'same') {
      index += 1;
      oldLine += 1;
      newLine += 1;
      continue;
    }
    const start = Math.max(0, index - CONTEXT_LINES);
    let end = index;
    let lastChange = index;
    while (end < edits.length && (edits[end].type !== 'same' || end - lastChange <= CONTEXT_LINES * 2)) {
      if (edits[end].type !== 'same') lastChange = end;
      end += 1;
    }
    end = Math.min(edits.length, lastChange + CONTEXT_LINES + 1);
    const leading = index - start;
    const slice = edits.slice(start, end);
    const oldCount = slice.filter((edit) => edit.type !== 'add').length;
    const newCount = slice.filter((edit) => edit.type !== 'remove').length;
    const oldStart = oldCount === 0 ? oldLine - leading - 1 : oldLine - leading;
    const newStart = newCount === 0 ? newLine - leading - 1 : newLine - leading;
    const body = slice.map((edit) => `${edit.type === 'same' ? ' ' : edit.type === 'remove' ? '-' : '+'}${edit.line}\n`).join('');
    result.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${body}`);
    for (const edit of edits.slice(index, end)) {
      if (edit.type !== 'add') oldLine += 1;
      if (edit.type !== 'remove') newLine += 1;
    }
    index = end;
  }
  return result;
}
