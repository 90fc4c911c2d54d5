/** How a file's text is written down, beyond its code: kept through every edit. */
export interface TextFormat {
  bom: boolean;
  crlf: boolean;
}

/**
 * The text as the editor works on it: without a UTF-8 byte order mark, and with `\n` line
 * breaks when the file uses `\r\n` throughout (a file that mixes them is edited as it is).
 */
export function toEditable(text: string): { text: string; format: TextFormat } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const lineBreaks = (body.match(/\n/g) ?? []).length;
  const crlf = lineBreaks > 0 && (body.match(/\r\n/g) ?? []).length === lineBreaks;
  return { text: crlf ? body.replace(/\r\n/g, '\n') : body, format: { bom, crlf } };
}

/** Edited text back in the file's own format. */
export function fromEditable(text: string, format: TextFormat): string {
  const body = format.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
  return format.bom ? `\uFEFF${body}` : body;
}
