/** Events from main's services to every connected renderer, whichever transport carries them. */
import type { Emit, EventName, EventPayload } from '../../shared/contract';

export type EventSink = (event: EventName, payload: EventPayload<EventName>) => void;

export function createEventHub(): { emit: Emit; subscribe: (sink: EventSink) => () => void } {
  const sinks = new Set<EventSink>();
  return {
    emit: (event, payload) => {
      for (const sink of sinks) sink(event, payload);
    },
    subscribe: (sink) => {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
