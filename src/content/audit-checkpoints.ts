import { createHmac, timingSafeEqual } from 'node:crypto'
import { appendFileSync, closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import type { AuditKeySource } from './audit-chain.ts'

/**
 * A signed note, kept outside the database, that the audit chain's head was entry `id` with
 * link `link` at time `at`. The database writer holds neither the file nor the key, so a log
 * cut short, emptied or re-chained no longer matches what earlier checkpoints saw.
 */
export interface AuditCheckpoint {
  readonly id: number
  readonly link: string
  readonly at: string
  /** The first entry chained with a key; earlier ones came from a version without keys. */
  readonly keyedFrom: number
}

/** A checkpoint file's lines, each checked against its signature. */
export type CheckpointReading =
  | { readonly isValid: true; readonly checkpoints: readonly AuditCheckpoint[] }
  | { readonly isValid: false; readonly line: number; readonly reason: string }

/** Appends one signed line; `a` opens with O_APPEND, so lines from several processes never overwrite each other. */
export function writeCheckpoint(path: string, keys: AuditKeySource, checkpoint: AuditCheckpoint): void {
  const key = keys.current
  const line = JSON.stringify({ ...fields(checkpoint), key: key.id, mac: macOf(key.secret, checkpoint) })
  appendFileSync(path, `${line}\n`, { flag: 'a', mode: 0o600 })
}

export function readCheckpoints(path: string, keys: AuditKeySource): CheckpointReading {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { isValid: true, checkpoints: [] }
    throw error
  }
  const checkpoints: AuditCheckpoint[] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const [index, line] of lines.entries()) {
    const damaged = { isValid: false as const, line: index + 1 }
    let parsed: Record<string, unknown>
    try {
      parsed = JSON.parse(line)
    } catch {
      return { ...damaged, reason: 'checkpoint line is not readable' }
    }
    const checkpoint = {
      id: parsed.id,
      link: parsed.link,
      at: parsed.at,
      keyedFrom: parsed.keyedFrom,
    }
    if (
      !Number.isInteger(checkpoint.id) ||
      !Number.isInteger(checkpoint.keyedFrom) ||
      typeof checkpoint.link !== 'string' ||
      typeof checkpoint.at !== 'string' ||
      typeof parsed.mac !== 'string'
    ) {
      return { ...damaged, reason: 'checkpoint line lacks a field' }
    }
    const key = typeof parsed.key === 'string' ? keys.byId.get(parsed.key) : undefined
    if (!key)
      return { ...damaged, reason: `checkpoint signed with key "${String(parsed.key)}", not in the keyring` }
    const expected = Buffer.from(macOf(key.secret, checkpoint as AuditCheckpoint), 'hex')
    const presented = Buffer.from(parsed.mac, 'hex')
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return { ...damaged, reason: 'checkpoint signature does not match' }
    }
    checkpoints.push(checkpoint as AuditCheckpoint)
  }
  return { isValid: true, checkpoints }
}

/**
 * The head (`id link`) the file's last line names, unchecked, or null: a process opening the
 * store writes no checkpoint that merely repeats the last one.
 */
export function lastCheckpointHead(path: string): string | null {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return null
  }
  try {
    const size = fstatSync(fd).size
    const tail = Buffer.alloc(Math.min(size, 4096))
    readSync(fd, tail, 0, tail.length, size - tail.length)
    const line = tail.toString('utf8').trimEnd().split('\n').at(-1) ?? ''
    const parsed = JSON.parse(line) as { id?: unknown; link?: unknown }
    return `${parsed.id} ${parsed.link}`
  } catch {
    return null
  } finally {
    closeSync(fd)
  }
}

function fields(checkpoint: AuditCheckpoint) {
  return { id: checkpoint.id, link: checkpoint.link, at: checkpoint.at, keyedFrom: checkpoint.keyedFrom }
}

function macOf(secret: Buffer, checkpoint: AuditCheckpoint): string {
  const canonical = JSON.stringify([
    'fabu-audit-checkpoint',
    checkpoint.id,
    checkpoint.link,
    checkpoint.at,
    checkpoint.keyedFrom,
  ])
  return createHmac('sha256', secret).update(canonical).digest('hex')
}
