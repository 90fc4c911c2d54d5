// madge ships no types: the part of its API orch-guard calls (see load-madge.ts).
declare module 'madge' {
  interface MadgeGraph {
    circular(): string[][];
  }
  /** A predefined tree: each file and the files it imports. */
  export default function madge(tree: Record<string, string[]>): Promise<MadgeGraph>;
}
