import type { BigIntStats } from 'node:fs';

/**
 * How long a file must have been left alone before its stat may vouch for its content: a write
 * in the same timestamp tick as a read would otherwise go unseen (git calls such entries
 * "racily clean"). Two seconds covers file systems with coarse timestamps.
 */
const RACY_MARGIN_NS = 2_000_000_000n;

/**
 * A file's stat as a cache key: size, mtime, ctime and inode. Any write changes the ctime, and
 * nothing outside the kernel can set it back (an editor or `touch -r` restoring the mtime does
 * not), so a same-size edit with the mtime kept still changes the key.
 */
export function statKey(stat: BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
}

/** Whether the file was last changed well before `nowNs` (see RACY_MARGIN_NS). */
export function isSettled(stat: BigIntStats, nowNs: bigint): boolean {
  return stat.ctimeNs < nowNs - RACY_MARGIN_NS && stat.mtimeNs < nowNs - RACY_MARGIN_NS;
}

export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
