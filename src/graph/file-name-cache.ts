/**
 * A memo keyed by (file index, name). The linker asks such questions once per use of an
 * imported name; a key string made of both (`${file}\0${name}`) is built and hashed on every
 * ask, where a map per file reuses the name string's cached hash.
 */
export class FileNameCache<V> {
  private readonly byFile: Array<Map<string, V> | undefined> = [];

  get(file: number, name: string): V | undefined {
    return this.byFile[file]?.get(name);
  }

  set(file: number, name: string, value: V): void {
    let names = this.byFile[file];
    if (names === undefined) this.byFile[file] = names = new Map();
    names.set(name, value);
  }
}
