// Time comes through this interface so tests can move it (token expiry, TOTP windows, presigned URLs).

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

// Every request formats its time several times (aws:CurrentTime, the trail); most fall in the same second.
let lastSecond = Number.NaN;
let lastText = '';

export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastText;
}
