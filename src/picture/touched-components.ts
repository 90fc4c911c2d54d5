interface Side {
  files: ReadonlyArray<{ path: string; hash: string }>;
  componentOfFile: ReadonlyMap<string, string> | undefined;
}

/**
 * Components a change touched: those owning a file that was added, changed (file hashes are
 * git blob ids on both sides) or removed, by the component assignment of the side it is on.
 */
export function touchedComponents(head: Side, base: Side): Set<string> {
  const before = new Map(base.files.map((file) => [file.path, file.hash]));
  const after = new Set(head.files.map((file) => file.path));
  const touched = new Set<string>();
  const add = (name: string | undefined) => {
    if (name !== undefined) touched.add(name);
  };
  for (const file of head.files) if (before.get(file.path) !== file.hash) add(head.componentOfFile?.get(file.path));
  for (const file of base.files) if (!after.has(file.path)) add(base.componentOfFile?.get(file.path));
  return touched;
}
