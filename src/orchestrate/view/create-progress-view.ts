import type { RecordedEvent } from '../run-events.js';
import { createFailureTail } from './failure-tail.js';
import { formatEventLine } from './format-event-line.js';
import { createLiveProgress } from './live-progress.js';

export interface ProgressView {
  onEvent(event: RecordedEvent): void;
  close(): void;
}

/** On a terminal (and not in CI) the live view, redrawn in place; elsewhere one plain line per event. */
export function createProgressView(stream: NodeJS.WriteStream): ProgressView {
  const tailOf = createFailureTail();
  if (stream.isTTY === true && process.env.CI === undefined) {
    return createLiveProgress({ write: (text) => stream.write(text), get columns() { return stream.columns ?? 80; } }, tailOf);
  }
  return {
    onEvent(event) {
      const line = formatEventLine(event, tailOf(event));
      if (line !== undefined) stream.write(`${line}\n`);
    },
    close: () => undefined,
  };
}
