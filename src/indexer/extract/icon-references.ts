// `"tabler:rss"` (astro-icon's `<Icon name>`, Iconify ids in strings), `i-mdi-home` / `i-mdi:home`
// (UnoCSS and Tailwind icon classes), `icon-[mdi--home]` (@iconify/tailwind4).
const ICON_ID = /["'`]([a-z0-9]+(?:-[a-z0-9]+)*):[a-z0-9]+(?:[-_][a-z0-9]+)*["'`]/g;
const ICON_CLASS = /(?:^|[\s"'`])(i-[a-z0-9]+(?:[-:][a-z0-9]+)+)/g;
const BRACKET_CLASS = /\bicon-\[([a-z0-9]+(?:-[a-z0-9]+)*?)--/g;
const MAX_REFERENCES = 100;

/**
 * Icon set names a file may use by name, for the icon set packages (`@iconify-json/<set>`) that
 * an icon component or CSS plugin loads without an import: `tabler` for `"tabler:rss"`, and
 * whole class tokens (`i-flat-color-icons-template`) whose set part cannot be split off alone.
 */
export function iconReferences(text: string): string[] | undefined {
  if (!/["'`][a-z0-9-]+:[a-z0-9]|\bi-[a-z0-9]|icon-\[/.test(text)) return undefined;
  const found = new Set<string>();
  for (const pattern of [ICON_ID, ICON_CLASS, BRACKET_CLASS]) {
    for (const match of text.matchAll(pattern)) {
      if (found.size >= MAX_REFERENCES) break;
      found.add(match[1]);
    }
  }
  return found.size > 0 ? [...found].sort() : undefined;
}

/** Whether the references name the icon set (`tabler`, `i-tabler-x`, `i-tabler:x`). */
export function referencesIconSet(references: readonly string[], set: string): boolean {
  return references.some((reference) => reference === set || reference.startsWith(`i-${set}-`) || reference.startsWith(`i-${set}:`));
}
