/** A version of a call seen somewhere (a GET's answer, a stream's copy), and when (this machine's clock, ms). */
export interface Sighting {
  version: number;
  at: number;
}

/** An event of a call's timeline, as GET /api/calls/:id shows it. */
export interface TimedEvent {
  seq: number;
  type: string;
  occurredAt: string;
}

/** How long after an event was recorded its call was first seen at its version, or a later one. */
export interface EventLag {
  seq: number;
  type: string;
  toRowMs: number | null;
  toStreamMs: number | null;
}

/**
 * For each event: from its `occurredAt` to the first sighting of the call at the event's seq or later,
 * by GET and on the stream (a projection write carries a batch of events: the later ones show the earlier).
 */
export function eventLags(events: readonly TimedEvent[], rows: readonly Sighting[], stream: readonly Sighting[]): EventLag[] {
  return events.map(({ seq, type, occurredAt }) => {
    const recordedAt = Date.parse(occurredAt);
    const since = (sightings: readonly Sighting[]) => {
      const first = firstAt(sightings, seq);
      return first === null ? null : first - recordedAt;
    };
    return { seq, type, toRowMs: since(rows), toStreamMs: since(stream) };
  });
}

function firstAt(sightings: readonly Sighting[], version: number): number | null {
  const times = sightings.filter((sighting) => sighting.version >= version).map((sighting) => sighting.at);
  return times.length > 0 ? Math.min(...times) : null;
}
