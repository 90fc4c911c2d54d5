/**
 * Text for markdown (a table cell, a list item), shown literally: every character that
 * markdown or HTML gives a meaning (a cell-ending `|`, code spans, emphasis, links, math, tags)
 * becomes a numeric character reference, which markdown never reads as syntax; line breaks
 * become `<br>`. Symbol names and paths come from the analysed code: nothing in them may
 * break the report or inject HTML, nor mention a person or an issue.
 */
export function escapeMarkdown(text: string): string {
  // One pass, so the references it writes are never escaped again. `@user`, `@here` and `#123`
  // from the code get a zero-width space after their sign: a posted report notifies no one
  // and links no issue.
  return text.replace(/\r\n|[\r\n]|[&<>"\\|`*_[\]~$]|@(?=[\w-])|#(?=\d)/g, (match) => {
    if (match.endsWith('\n') || match === '\r') return '<br>';
    if (match === '@' || match === '#') return `${match}&#8203;`;
    return `&#${match.charCodeAt(0)};`;
  });
}
