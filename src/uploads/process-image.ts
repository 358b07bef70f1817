import type { Sharp, SharpOptions } from 'sharp'
import type { ImageExtension } from './content-types.ts'
import { loadSharp, type SharpModule } from './load-sharp.ts'
import type { UploadLimits } from './upload-limits.ts'
import { damagedImage, tooManyPixels } from './upload-refusals.ts'
import { watermarkOverlay } from './watermark-overlay.ts'

export interface ProcessedImage {
  readonly bytes: Buffer
  /** Always WebP, of the first frame. */
  readonly thumbnail: Buffer
  readonly width: number
  readonly height: number
  /** The full-size re-encode, when asked for and the image was made smaller. */
  readonly original: { readonly bytes: Buffer; readonly width: number; readonly height: number } | null
}

/** How an image is prepared for the web. */
export interface ImageOptions {
  /** The longest side of what is stored, in pixels; larger images are scaled down. */
  readonly maxSide?: number
  /** Also return the full-size re-encode (metadata stripped all the same) when scaled down. */
  readonly keepsOriginal?: boolean
  /** The site's text drawn in the bottom-right corner of still pictures (not of the kept original). */
  readonly watermark?: string
}

/** What a body image's longest side is scaled to when nothing else is configured. */
export const DEFAULT_IMAGE_MAX_SIDE = 1600

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
  imageOptions: ImageOptions = {},
): Promise<ProcessedImage> {
  const maxSide = imageOptions.maxSide ?? DEFAULT_IMAGE_MAX_SIDE
  const sharp = await loadSharp()
  const isAnimated = extension === 'gif' || extension === 'webp'
  // failOn 'error' rather than sharp's 'warning': phone JPEGs often carry small flaws libvips reads
  // past, and the re-encode leaves none of them in what is stored.
  const options: SharpOptions = {
    limitInputPixels: limits.maxInputPixels,
    failOn: 'error',
    animated: isAnimated,
  }
  const size = await checkPixels(sharp, bytes, options, limits)
  // A camera's 6000×4000 photo weighs megabytes a visitor's screen cannot show; libvips
  // scales it on its own threads, off the event loop.
  const isLarge = Math.max(size.width, size.height) > maxSide
  const scale = isLarge ? maxSide / Math.max(size.width, size.height) : 1
  // GIF and WebP may be animations, which would need the mark on every frame: JPEG and PNG
  // get it. Drawing our own text is not the user's file failing, so it is not a refusal.
  const overlay =
    imageOptions.watermark && !isAnimated
      ? await watermarkOverlay(
          imageOptions.watermark,
          Math.round(size.width * scale),
          Math.round(size.height * scale),
        )
      : null
  const main = await refusingFailures(() => {
    const scaled = sharp(bytes, options)
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    return encode(overlay ? scaled.composite([{ input: overlay, gravity: 'southeast' }]) : scaled, extension)
  }, limits)
  const full =
    isLarge && imageOptions.keepsOriginal
      ? await refusingFailures(() => encode(sharp(bytes, options).rotate(), extension), limits)
      : null
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
    original: full
      ? { bytes: full.data, width: full.info.width, height: full.info.pageHeight ?? full.info.height }
      : null,
  }
}

async function checkPixels(
  sharp: SharpModule,
  bytes: Buffer,
  options: SharpOptions,
  limits: Readonly<UploadLimits>,
): Promise<{ width: number; height: number }> {
  // sharp refuses on its own past `limitInputPixels`; this check stands if it ever stops doing so.
  // With `animated`, height is that of all frames stacked, so every frame counts.
  const { width, height, pageHeight, orientation } = await refusingFailures(
    () => sharp(bytes, options).metadata(),
    limits,
  )
  if ((width ?? 0) * (height ?? 0) > limits.maxInputPixels) throw tooManyPixels(limits.maxInputPixels)
  // EXIF orientations 5–8 turn the picture a quarter: its sides swap once rotated.
  const frameHeight = pageHeight ?? height ?? 0
  return (orientation ?? 1) >= 5
    ? { width: frameHeight, height: width ?? 0 }
    : { width: width ?? 0, height: frameHeight }
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
