import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';

/**
 * SVG through Graphviz's `dot`, when it is installed. orch-guard does not bundle a layout
 * engine: without `dot` the user gets one line saying how to install it or which format to use.
 */
export function renderSvg(dot: string): string {
  const result = spawnSync(process.env.ORCH_GUARD_DOT ?? 'dot', ['-Tsvg'], { input: dot, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError('--format svg needs Graphviz (`dot` on PATH; apt-get install graphviz or brew install graphviz): or use --format dot or --format mermaid');
    }
    throw new UsageError(`Graphviz dot failed: ${result.error.message}`);
  }
  if (result.status !== 0) throw new UsageError(`Graphviz dot failed (exit ${result.status}): ${result.stderr.trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}
