// `--since` for `xacct trail`: a duration back from now (`30s`, `15m`, `2h`, `1d`) or an ISO 8601 time.

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export class SinceError extends Error {
  override readonly name = 'SinceError';
}

/** The ISO time `text` stands for, relative to `now` (ms since the epoch) for durations. */
export function parseSince(text: string, now: number): string {
  const duration = /^(\d+)([smhd])$/.exec(text.trim());
  if (duration) return new Date(now - Number(duration[1]) * UNIT_MS[duration[2]!]!).toISOString();
  // Date.parse accepts odd forms ("1", "May 5"); only date-shaped text counts as a time.
  const time = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new SinceError(`--since takes a duration such as 30s, 15m, 2h or 1d, or an ISO time; not '${text}'`);
  }
  return new Date(time).toISOString();
}
