import { isDeepStrictEqual } from 'node:util';

/**
 * package.json as the user formatted it, after the package manager removed dependencies: the
 * manager rewrites the whole file in its own style (inline objects spread over lines, a final
 * newline added), so the same removal is made as a text edit of the original instead. It is
 * used only when it means exactly what the manager wrote (the parsed JSON is equal); otherwise
 * the manager's file stays. Undefined when the original style cannot be kept.
 */
export function keepManifestFormat(original: string, managed: string, removed: ReadonlyArray<readonly [section: string, name: string]>): string | undefined {
  let wanted: unknown;
  try {
    wanted = JSON.parse(managed.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  // Managers differ on a section left empty: npm drops it, others keep `{}`. Try both.
  for (const dropEmptied of [true, false]) {
    let text: string | undefined = original;
    for (const [section, name] of removed) {
      text = text === undefined ? undefined : removeMember(text, [section, name], dropEmptied);
    }
    if (text === undefined) continue;
    try {
      if (isDeepStrictEqual(JSON.parse(text.replace(/^\uFEFF/, '')), wanted)) return text;
    } catch {
      // the edit did not give JSON: keep the manager's file
    }
  }
  return undefined;
}

interface Token {
  kind: 'string' | 'punct' | 'literal';
  start: number;
  end: number;
  /** The decoded string, or the punctuation character. */
  value: string;
}

/** The JSON tokens of `text` (no comments: package.json is plain JSON). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < text.length;) {
    const char = text[at];
    if (/\s|\uFEFF/.test(char)) {
      at += 1;
    } else if (char === '"') {
      let end = at + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', start: at, end: end + 1, value: JSON.parse(text.slice(at, end + 1)) as string });
      at = end + 1;
    } else if ('{}[]:,'.includes(char)) {
      tokens.push({ kind: 'punct', start: at, end: at + 1, value: char });
      at += 1;
    } else {
      let end = at;
      while (end < text.length && !/[\s{}[\]:,]/.test(text[end])) end += 1;
      tokens.push({ kind: 'literal', start: at, end, value: text.slice(at, end) });
      at = end;
    }
  }
  return tokens;
}

/** Index of the token after the value that starts at `index`. */
function skipValue(tokens: readonly Token[], index: number): number {
  const first = tokens[index];
  if (first.kind !== 'punct') return index + 1;
  let depth = 0;
  for (let at = index; at < tokens.length; at += 1) {
    const char = punct(tokens[at]);
    if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
    if (depth === 0) return at + 1;
  }
  return tokens.length;
}

const punct = (token: Token | undefined) => (token?.kind === 'punct' ? token.value : undefined);

/** Removes `path` (an object member, then a member inside it) from the JSON text; undefined when absent. */
function removeMember(text: string, path: readonly [string, string], dropEmptied: boolean): string | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0 || punct(tokens[0]) !== '{') return undefined;
  const outer = findMember(tokens, 0, path[0]);
  if (outer === undefined || punct(tokens[outer.value]) !== '{') return undefined;
  const inner = findMember(tokens, outer.value, path[1]);
  if (inner === undefined) return undefined;
  const onlyMember = punct(tokens[inner.key - 1]) === '{' && punct(tokens[inner.after]) === '}';
  return cut(text, tokens, onlyMember && dropEmptied ? outer : inner);
}

interface Member {
  key: number;
  value: number;
  /** Index of the token after the value (a comma or the closing brace). */
  after: number;
}

/** The member named `name` directly in the object opened at token `open`. */
function findMember(tokens: readonly Token[], open: number, name: string): Member | undefined {
  for (let at = open + 1; at < tokens.length && punct(tokens[at]) !== '}';) {
    const key = at;
    const value = key + 2;
    const after = skipValue(tokens, value);
    if (tokens[key].kind === 'string' && tokens[key].value === name) return { key, value, after };
    at = punct(tokens[after]) === ',' ? after + 1 : after;
  }
  return undefined;
}

/**
 * Cuts a member with one of its commas: with the comma after it and the space up to the next
 * member (which keeps the indentation), or, for the last member, with the comma before it.
 */
function cut(text: string, tokens: readonly Token[], member: Member): string {
  const key = tokens[member.key];
  const end = tokens[member.after - 1].end;
  if (punct(tokens[member.after]) === ',') return text.slice(0, key.start) + text.slice(tokens[member.after + 1].start);
  const before = tokens[member.key - 1];
  if (punct(before) === ',') return text.slice(0, before.start) + text.slice(end);
  // The only member: the object is left empty as `{` + what followed the member.
  return text.slice(0, before.end) + text.slice(end).replace(/^[ \t]*/, '');
}
