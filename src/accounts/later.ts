/** `now` (an ISO instant) moved on by `ms` milliseconds; back when `ms` is negative. */
export function later(now: string, ms: number): string {
  return new Date(Date.parse(now) + ms).toISOString()
}

export const minutes = (n: number): number => n * 60_000
