import type { ChangeSet } from './fold-manifests.ts'

/** What a delivery is sent from and to whom it speaks for the pages. */
export interface DeliveryContext {
  /** The site's output folder: the files as they are now. */
  readonly outputRoot: string
  /** The site's public address, for CDN purges. */
  readonly baseUrl: string
  /** URLs purged already today (Asia/Shanghai), against a CDN's daily quota. */
  readonly purgedToday: number
}

export interface DeliveryStats {
  /** Files sent (or URLs and directories purged). */
  readonly sent: number
  readonly deleted: number
  /** URLs that count against a CDN's daily quota. */
  readonly purgedUrls?: number
  /** Said to the operator: what the far side did, e.g. that directories were purged instead of pages. */
  readonly note?: string
}

/** One far side: a web server reached by rsync, a bucket, a CDN. */
export interface Transport {
  /** Sends the present paths, deletes the absent ones, and sends uploads the far side lacks. */
  deliver(changes: ChangeSet, context: DeliveryContext): Promise<DeliveryStats>
  /** Makes the far side equal to the output folder (a new or broken far side). */
  mirror(context: DeliveryContext): Promise<DeliveryStats>
}
