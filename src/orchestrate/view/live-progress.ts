import type { RecordedEvent } from '../run-events.js';
import { formatEventLine } from './format-event-line.js';
import { applyEvent, type ProgressModel } from './progress-model.js';
import { renderProgress } from './render-progress.js';

export interface Terminal {
  write(text: string): void;
  columns: number;
}

const MIN_REDRAW_MS = 80;
const TICK_MS = 500;
/** Events the live block shows by itself; the others also leave a line above it. */
const SHOWN_LIVE = new Set(['attempt-started', 'retry-scheduled']);

/**
 * The live view on a terminal: finished work scrolls up as lines, and a block at the bottom
 * (waves, running tasks with elapsed time, queued tasks and what they wait for) is redrawn in
 * place, at most every 80 ms and every half second for the clocks.
 */
export function createLiveProgress(terminal: Terminal, tailOf: (event: RecordedEvent) => string[]): { onEvent(event: RecordedEvent): void; close(): void } {
  let model: ProgressModel | undefined;
  let drawnLines = 0;
  let lastDraw = 0;
  let scheduled: NodeJS.Timeout | undefined;
  const erase = () => {
    if (drawnLines > 0) terminal.write(`\x1b[${drawnLines}F\x1b[J`);
    drawnLines = 0;
  };
  const draw = () => {
    scheduled = undefined;
    erase();
    if (model === undefined || model.ended) return;
    const lines = renderProgress(model, Date.now()).map((line) => line.slice(0, Math.max(20, terminal.columns - 1)));
    terminal.write(`${lines.join('\n')}\n`);
    drawnLines = lines.length;
    lastDraw = Date.now();
  };
  const ticker = setInterval(draw, TICK_MS);
  ticker.unref();
  return {
    onEvent(event) {
      model = applyEvent(model, event);
      const line = SHOWN_LIVE.has(event.type) ? undefined : formatEventLine(event, tailOf(event));
      if (line !== undefined) {
        erase();
        terminal.write(`${line}\n`);
      }
      if (Date.now() - lastDraw >= MIN_REDRAW_MS) draw();
      else scheduled ??= setTimeout(draw, MIN_REDRAW_MS);
    },
    close() {
      clearInterval(ticker);
      if (scheduled !== undefined) clearTimeout(scheduled);
      erase();
    },
  };
}
