/** The conventional-changelog CLIs, which load a preset package by its short name. */
const COMMANDS = new Set(['conventional-changelog', 'conventional-recommended-bump', 'conventional-github-releaser']);
const PRESET_FLAGS = new Set(['-p', '--preset']);

/**
 * The preset package a conventional-changelog command loads: `conventional-changelog -p angular`
 * requires `conventional-changelog-angular` (a full or scoped name is taken as it is). The words
 * are one command's, from its name on (see commandWords).
 */
export function conventionalChangelogPresets(words: readonly string[]): string[] {
  if (!COMMANDS.has(words[0] ?? '')) return [];
  const presets: string[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index];
    const inline = /^--preset=(.+)$/.exec(word)?.[1];
    const value = inline ?? (PRESET_FLAGS.has(word) ? words[index + 1] : undefined);
    if (value === undefined || value.startsWith('-')) continue;
    presets.push(value.startsWith('@') || value.startsWith('conventional-changelog-') ? value : `conventional-changelog-${value}`);
  }
  return presets;
}
