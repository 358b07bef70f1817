import { randomBytes } from 'node:crypto'
import type { Store } from '../store/index.ts'
import { type AuditCheckpoint, lastCheckpointHead, writeCheckpoint } from './audit-checkpoints.ts'

/** The least the audit chain needs of a keyring (the config folder loads the real one). */
export interface AuditKeySource {
  readonly current: { readonly id: string; readonly secret: Buffer }
  readonly byId: ReadonlyMap<string, { readonly id: string; readonly secret: Buffer }>
}

/** What keeps a store's audit chain honest: its keys, and where its checkpoints go. */
export interface AuditChainSettings {
  readonly keys: AuditKeySource
  /** The append-only checkpoint file; null keeps no checkpoints (tests of other things). */
  readonly checkpointPath: string | null
  /** Why a checkpoint could not be written; appends go on regardless. */
  readonly onError?: (error: unknown) => void
}

interface ChainState {
  readonly settings: AuditChainSettings
  /** The head (`id link`) this process last wrote to the checkpoint file. */
  lastCheckpoint: string | null
  timer: NodeJS.Timeout | undefined
}

const chains = new WeakMap<Store, ChainState>()

/**
 * Gives a store its audit keys and checkpoint file; the CLI does this for every data folder
 * it opens. A store without them (a test's) chains with a key of its own made up for this
 * process: its entries still verify here, and fail loudly, as unknown key, anywhere else.
 */
export function attachAuditChain(store: Store, settings: AuditChainSettings): void {
  const previous = chains.get(store)
  if (previous?.timer) clearTimeout(previous.timer)
  chains.set(store, { settings, lastCheckpoint: null, timer: undefined })
}

export function chainOf(store: Store): ChainState {
  let state = chains.get(store)
  if (!state) {
    const key = { id: `process-${randomBytes(4).toString('hex')}`, secret: randomBytes(32) }
    state = {
      settings: { keys: { current: key, byId: new Map([[key.id, key]]) }, checkpointPath: null },
      lastCheckpoint: null,
      timer: undefined,
    }
    chains.set(store, state)
  }
  return state
}

/** Checkpoints follow appends by this long: one line per burst, not per entry. */
const CHECKPOINT_DELAY_MS = 1000

/** After an append: a checkpoint of the committed head shortly, once the transaction is done. */
export function scheduleCheckpoint(store: Store): void {
  const state = chainOf(store)
  if (!state.settings.checkpointPath || state.timer) return
  state.timer = setTimeout(() => {
    state.timer = undefined
    checkpointAudit(store).catch((error) => state.settings.onError?.(error))
  }, CHECKPOINT_DELAY_MS)
  // A process about to exit does not wait for it: closeAuditChain writes the last one.
  state.timer.unref()
}

/**
 * Appends the committed head to the checkpoint file, signed, unless this process last wrote
 * that same head. Returns the checkpoint, or null where the store keeps none.
 */
export async function checkpointAudit(store: Store, now = new Date()): Promise<AuditCheckpoint | null> {
  const state = chainOf(store)
  const path = state.settings.checkpointPath
  if (!path) return null
  const head = await store.db
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash', 'keyed_from'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const checkpoint = {
    id: head.last_id,
    link: head.last_hash,
    at: now.toISOString(),
    keyedFrom: head.keyed_from,
  }
  const written = `${head.last_id} ${head.last_hash}`
  state.lastCheckpoint ??= lastCheckpointHead(path)
  if (state.lastCheckpoint === written) return checkpoint
  writeCheckpoint(path, state.settings.keys, checkpoint)
  state.lastCheckpoint = written
  return checkpoint
}

/** On closing a store (a CLI command's end, a server's stop): the last checkpoint, no timer left. */
export async function closeAuditChain(store: Store): Promise<void> {
  const state = chains.get(store)
  if (!state) return
  if (state.timer) clearTimeout(state.timer)
  state.timer = undefined
  await checkpointAudit(store)
}
