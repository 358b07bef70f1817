import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { InvalidStateError, PublishInProgressError } from '../../errors/index.ts'
import type { Store, Tx } from '../../store/index.ts'

/** A lease lives this long unless renewed; a process that died holding one blocks its site no longer. */
export const LEASE_TTL_MS = 60_000
const RENEW_EVERY_MS = LEASE_TTL_MS / 3
const POLL_MS = 200
/** Progress is written at most this often: enough for a progress bar, little for the database. */
const PROGRESS_EVERY_MS = 1_000

/** Who publishes: one name per publisher object, readable in the table and in error messages. */
export function publisherName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

/**
 * A site's publish lease, held while a run consumes the site's changes and writes its output.
 * Taking it is one atomic statement on either engine (an upsert that only replaces an expired
 * lease), so two processes can never both hold it; the holder renews it in the background
 * and gives it back at the end.
 */
export class PublishLease {
  readonly #store: Store
  readonly #siteId: number
  readonly #holder: string
  #renewal: NodeJS.Timeout | undefined
  #isLost = false
  #progressAt = 0
  #progressWrite: Promise<void> | undefined

  private constructor(store: Store, siteId: number, holder: string) {
    this.#store = store
    this.#siteId = siteId
    this.#holder = holder
  }

  /**
   * Takes the site's lease, waiting up to `waitMs` for another holder to finish (0: try once).
   * Throws PUBLISH_IN_PROGRESS, naming the holder, when it stays taken.
   */
  static async take(store: Store, siteId: number, holder: string, waitMs: number): Promise<PublishLease> {
    const giveUpAt = Date.now() + waitMs
    for (;;) {
      if (await tryTake(store, siteId, holder)) {
        const lease = new PublishLease(store, siteId, holder)
        lease.#renewal = setInterval(() => void lease.#renew(), RENEW_EVERY_MS)
        lease.#renewal.unref()
        return lease
      }
      if (Date.now() >= giveUpAt) throw new PublishInProgressError(await currentHolder(store, siteId))
      await sleep(Math.min(POLL_MS, Math.max(0, giveUpAt - Date.now())))
    }
  }

  get holder(): string {
    return this.#holder
  }

  /**
   * Inside the run's final transaction: fails it when the lease was lost (the process stalled
   * past the lease's life and another took the site over), so the changes are not marked done
   * by a run whose output may have been overwritten. Locks the lease row until commit.
   */
  async confirmHeld(tx: Tx): Promise<void> {
    const row = await this.#store
      .forUpdate(tx.selectFrom('publish_leases').select('holder').where('site_id', '=', this.#siteId))
      .executeTakeFirst()
    if (this.#isLost || row?.holder !== this.#holder) {
      throw new InvalidStateError({
        zh: '发布租约已失效（进程停顿过久，站点已由其他进程接手），本次发布未记录',
        en: 'the publish lease was lost (this process stalled and another took the site over); the run was not recorded',
      })
    }
  }

  /** The run's pages rendered so far, kept on the lease row for the API of every server to read. */
  noteProgress(done: number): void {
    const now = Date.now()
    if (this.#progressWrite || now - this.#progressAt < PROGRESS_EVERY_MS) return
    this.#progressAt = now
    this.#progressWrite = this.#store.db
      .updateTable('publish_leases')
      .set({ done })
      .where('site_id', '=', this.#siteId)
      .where('holder', '=', this.#holder)
      .execute()
      .then(
        () => undefined,
        // Only progress: the next one is written a second later.
        () => undefined,
      )
      .finally(() => {
        this.#progressWrite = undefined
      })
  }

  /** Gives the lease back; a lost lease is left to its new holder. */
  async release(): Promise<void> {
    clearInterval(this.#renewal)
    await this.#progressWrite
    await this.#store.db
      .deleteFrom('publish_leases')
      .where('site_id', '=', this.#siteId)
      .where('holder', '=', this.#holder)
      .execute()
  }

  async #renew(): Promise<void> {
    try {
      const result = await this.#store.db
        .updateTable('publish_leases')
        .set({ expires_at: new Date(Date.now() + LEASE_TTL_MS).toISOString() })
        .where('site_id', '=', this.#siteId)
        .where('holder', '=', this.#holder)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) this.#isLost = true
    } catch {
      // A database hiccup: the next renewal tries again, and confirmHeld decides at the end.
    }
  }
}

/** Inserts the lease, or replaces one that has expired; says whether this holder has it now. */
async function tryTake(store: Store, siteId: number, holder: string): Promise<boolean> {
  const now = new Date()
  const row = await store.db
    .insertInto('publish_leases')
    .values({
      site_id: siteId,
      holder,
      acquired_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LEASE_TTL_MS).toISOString(),
    })
    .onConflict((conflict) =>
      conflict
        .column('site_id')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          acquired_at: eb.ref('excluded.acquired_at'),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where('publish_leases.expires_at', '<', now.toISOString()),
    )
    .returning('holder')
    .executeTakeFirst()
  return row?.holder === holder
}

/** The pages the run holding the site's lease has rendered so far; null when none holds it. */
export async function publishProgress(store: Store, siteId: number): Promise<number | null> {
  const row = await store.db
    .selectFrom('publish_leases')
    .select('done')
    .where('site_id', '=', siteId)
    .where('expires_at', '>=', new Date().toISOString())
    .executeTakeFirst()
  return row ? Number(row.done) : null
}

async function currentHolder(store: Store, siteId: number): Promise<string> {
  const row = await store.db
    .selectFrom('publish_leases')
    .select('holder')
    .where('site_id', '=', siteId)
    .executeTakeFirst()
  return row?.holder ?? '?'
}
