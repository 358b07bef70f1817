import { z } from 'zod'

/** Ids are 32-bit in PostgreSQL: a larger number names nothing, and must not reach a query. */
export const MAX_RECORD_ID = 2_147_483_647

export const recordIdSchema = z.number().int().positive().max(MAX_RECORD_ID)

export function isRecordId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_RECORD_ID
}
