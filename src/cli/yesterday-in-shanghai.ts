import { formatZonedMinute } from '../content/index.ts'

/**
 * Yesterday as the demo site's readers count days (Asia/Shanghai), `YYYY-MM-DD`: the day its
 * newest article is moved to, so a demo created today is current and dated in the past.
 */
export function yesterdayInShanghai(now: Date = new Date()): string {
  return formatZonedMinute(new Date(now.getTime() - 86_400_000).toISOString(), 'Asia/Shanghai').slice(0, 10)
}
