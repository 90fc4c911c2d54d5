/**
 * Text for markdown (a table cell, a list item), shown literally: every character that
 * markdown or HTML gives a meaning (a cell-ending `|`, code spans, emphasis, links, math, tags)
 * becomes a numeric character reference, which markdown never reads as syntax; line breaks
 * become `<br>`. Symbol names and paths come from the analysed code: nothing in them may
 * break the report or inject HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n]|[&<>"\\|`*_[\]~$]/g, (match) => (match.endsWith('\n') || match === '\r' ? '<br>' : `&#${match.charCodeAt(0)};`));
}
