import { ValidationError } from '../errors/index.ts'

/** How much an upload may weigh, and how much it may claim to unfold into. */
export interface UploadLimits {
  /** Any file, in bytes. */
  readonly maxFileBytes: number
  /** Width × height of an image (all frames of an animation together). */
  readonly maxInputPixels: number
  readonly maxArchiveEntries: number
  /** The uncompressed total an archive's directory declares. */
  readonly maxArchiveUnpackedBytes: number
  /** Unpacked ÷ packed, checked for each entry larger than 1 MiB unpacked. */
  readonly maxCompressionRatio: number
}

const MiB = 1024 * 1024

export const defaultUploadLimits: Readonly<UploadLimits> = Object.freeze({
  maxFileBytes: 20 * MiB,
  // sharp's own default (268 MP) lets a 31 KB PNG ask for a gigabyte of memory.
  maxInputPixels: 40_000_000,
  maxArchiveEntries: 10_000,
  maxArchiveUnpackedBytes: 512 * MiB,
  maxCompressionRatio: 100,
})

/** The defaults with the caller's overrides, each checked to be a positive number. */
export function resolveLimits(overrides: Partial<UploadLimits> = {}): Readonly<UploadLimits> {
  const limits = { ...defaultUploadLimits, ...overrides }
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new ValidationError(`limits.${key}`, `须为正数：${value}`, `must be a positive number: ${value}`)
    }
  }
  return Object.freeze(limits)
}
