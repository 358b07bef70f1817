import { formatZonedMinute, parseZonedMinute } from '../content/index.ts'

/**
 * The next instant after `now` at which the clock in `timeZone` reads `at` (`06:30`).
 *
 * @example nextDailyRun(new Date('2026-12-05T00:00:00Z'), '06:30', 'Asia/Shanghai') // 2026-12-05T22:30:00.000Z
 */
export function nextDailyRun(now: Date, at: string, timeZone: string): Date {
  const today = formatZonedMinute(now.toISOString(), timeZone).slice(0, 10)
  for (let days = 0; days <= 2; days++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
    const instant = parseZonedMinute(`${day} ${at}`, timeZone)
    if (instant && Date.parse(instant) > now.getTime()) return new Date(instant)
  }
  throw new Error(`no next run for ${at} in ${timeZone}`)
}

export interface DailyInspectionOptions {
  /** `HH:MM` on the clock of `timeZone`. */
  readonly at: string
  readonly timeZone: string
  /** Checks and stores every site; errors are the caller's to log. */
  readonly run: (at: Date) => Promise<void>
  readonly onError: (error: unknown) => void
  readonly now?: () => Date
}

/** The daily run inside `fabu serve`; `stop` cancels the next one (a run in progress finishes). */
export function startDailyInspection(options: DailyInspectionOptions): { stop(): void } {
  const now = options.now ?? (() => new Date())
  let timer: NodeJS.Timeout | undefined
  let isStopped = false
  const schedule = () => {
    if (isStopped) return
    const next = nextDailyRun(now(), options.at, options.timeZone)
    // Long waits in steps: a timer past 24.8 days overflows, and a step keeps clock changes honest.
    timer = setTimeout(
      () => {
        if (now().getTime() < next.getTime()) return schedule()
        options.run(now()).catch(options.onError).finally(schedule)
      },
      Math.min(Math.max(next.getTime() - now().getTime(), 0), 3_600_000),
    )
    timer.unref()
  }
  schedule()
  return {
    stop() {
      isStopped = true
      clearTimeout(timer)
    },
  }
}
