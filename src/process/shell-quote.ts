/** A word for `/bin/sh`: as is when it is plainly safe, else single-quoted. */
export function shellQuote(value: string): string {
  return /^[\w./@:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
