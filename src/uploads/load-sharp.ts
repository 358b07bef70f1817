import { availableParallelism } from 'node:os'

export type SharpModule = typeof import('sharp').default

let loaded: Promise<SharpModule> | undefined

/**
 * sharp and libvips, loaded by the first image (most fabu commands never touch one) and set up
 * once: libvips' cache would keep decoded hostile images in memory between uploads, and one
 * upload should not take every core from the page renderers of `fabu serve`.
 */
export function loadSharp(): Promise<SharpModule> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false)
    sharp.concurrency(Math.min(2, availableParallelism()))
    return sharp
  })
  return loaded
}
