import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import type { RecordedEvent, RunEvent } from '../run-events.js';
import { recordEvent } from './record-event.js';

export interface RunJournal {
  /** Numbers and times the event, appends it to events.jsonl, applies it to the registry, shows it. */
  record(event: RunEvent): RecordedEvent;
  close(): void;
}

/**
 * The one way a run's progress is written down. The JSONL line is written (unbuffered) before
 * the registry is updated, so after a crash the log holds at least what the registry does.
 * A resumed run appends to the same log, its numbering continuing.
 */
export function openRunJournal(registry: RegistryDatabase, runId: number, eventsFile: string, show: (event: RecordedEvent) => void): RunJournal {
  const previous = existsSync(eventsFile) ? readFileSync(eventsFile, 'utf8') : '';
  // Complete lines only: a line cut short by a kill -9 is not an event, and is ended here.
  let seq = previous.split('\n').length - 1;
  const fd = openSync(eventsFile, 'a');
  if (previous !== '' && !previous.endsWith('\n')) writeSync(fd, '\n');
  return {
    record(event) {
      seq += 1;
      const recorded = { seq, time: new Date().toISOString(), ...event } as RecordedEvent;
      writeSync(fd, `${JSON.stringify(recorded)}\n`);
      recordEvent(registry, runId, recorded);
      show(recorded);
      return recorded;
    },
    close: () => closeSync(fd),
  };
}
