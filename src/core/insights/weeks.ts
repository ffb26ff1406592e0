const DAY_MS = 86_400_000;

/** The Monday (UTC) starting the ISO week of an ISO 8601 time, as YYYY-MM-DD. */
export function weekOf(time: string): string {
  const date = new Date(time);
  const day = (date.getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  const monday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - day * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** Every week from `first` to `last` (both Mondays, YYYY-MM-DD), so that a chart shows quiet weeks as zero. */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); time <= end; time += 7 * DAY_MS) {
    weeks.push(new Date(time).toISOString().slice(0, 10));
  }
  return weeks;
}
