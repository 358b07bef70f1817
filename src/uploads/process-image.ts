import { availableParallelism } from 'node:os'
import sharp, { type Sharp, type SharpOptions } from 'sharp'
import type { ImageExtension } from './content-types.ts'
import type { UploadLimits } from './upload-limits.ts'
import { damagedImage, tooManyPixels } from './upload-refusals.ts'

export interface ProcessedImage {
  readonly bytes: Buffer
  /** Always WebP, of the first frame. */
  readonly thumbnail: Buffer
  readonly width: number
  readonly height: number
}

export const THUMBNAIL_WIDTH = 400
export const THUMBNAIL_EXTENSION = 'webp'

// A hostile file should fail fast rather than hold a libvips thread.
const TIMEOUT_SECONDS = 20

/**
 * Re-encodes an image so that only its pixels survive: no EXIF, GPS, comments or trailing
 * bytes, orientation applied. GIF and WebP animations stay animated. The pixel count is
 * checked from the header before anything is decoded.
 */
export async function processImage(
  bytes: Buffer,
  extension: ImageExtension,
  limits: Readonly<UploadLimits>,
): Promise<ProcessedImage> {
  configureSharp()
  const isAnimated = extension === 'gif' || extension === 'webp'
  // failOn 'error' rather than sharp's 'warning': phone JPEGs often carry small flaws libvips reads
  // past, and the re-encode leaves none of them in what is stored.
  const options: SharpOptions = {
    limitInputPixels: limits.maxInputPixels,
    failOn: 'error',
    animated: isAnimated,
  }
  await checkPixels(bytes, options, limits)
  const main = await refusingFailures(() => encode(sharp(bytes, options).rotate(), extension), limits)
  const thumbnail = await refusingFailures(
    () =>
      sharp(main.data, { limitInputPixels: limits.maxInputPixels, failOn: 'error' })
        .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
        .webp({ quality: 80 })
        .timeout({ seconds: TIMEOUT_SECONDS })
        .toBuffer(),
    limits,
  )
  return {
    bytes: main.data,
    thumbnail,
    width: main.info.width,
    height: main.info.pageHeight ?? main.info.height,
  }
}

async function checkPixels(
  bytes: Buffer,
  options: SharpOptions,
  limits: Readonly<UploadLimits>,
): Promise<void> {
  // sharp refuses on its own past `limitInputPixels`; this check stands if it ever stops doing so.
  // With `animated`, height is that of all frames stacked, so every frame counts.
  const { width, height } = await refusingFailures(() => sharp(bytes, options).metadata(), limits)
  if ((width ?? 0) * (height ?? 0) > limits.maxInputPixels) throw tooManyPixels(limits.maxInputPixels)
}

function encode(image: Sharp, extension: ImageExtension) {
  const encoded = {
    jpg: () => image.jpeg({ quality: 90 }),
    png: () => image.png(),
    gif: () => image.gif(),
    webp: () => image.webp({ quality: 90 }),
  }[extension]()
  return encoded.timeout({ seconds: TIMEOUT_SECONDS }).toBuffer({ resolveWithObject: true })
}

/** Runs a sharp call, turning its failures into refusals: the image is the user's, not our bug. */
async function refusingFailures<T>(call: () => Promise<T>, limits: Readonly<UploadLimits>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw tooManyPixels(limits.maxInputPixels)
    throw damagedImage(error)
  }
}

let isConfigured = false

function configureSharp(): void {
  if (isConfigured) return
  // libvips' cache would keep decoded hostile images in memory between uploads.
  sharp.cache(false)
  // One upload should not take every core from the page renderers of `fabu serve`.
  sharp.concurrency(Math.min(2, availableParallelism()))
  isConfigured = true
}
