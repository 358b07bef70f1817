import { type BilingualMessage, UploadRefusedError } from '../errors/index.ts'

// The one place the refusal messages are worded, so the server and the tests see the same text.

export function notAllowed(detected: BilingualMessage): UploadRefusedError {
  return new UploadRefusedError({
    zh: `不允许上传此类文件（检测为 ${detected.zh}）`,
    en: `this kind of file is not allowed (detected: ${detected.en})`,
  })
}

export function svgRefused(): UploadRefusedError {
  return new UploadRefusedError({
    zh: '不允许上传 SVG 图片（可能携带脚本），请转换为 PNG 后再上传',
    en: 'SVG images are not allowed (they can carry script); convert the image to PNG and upload that',
  })
}

export function decompressionBomb(reason: BilingualMessage): UploadRefusedError {
  return new UploadRefusedError({
    zh: `疑似压缩炸弹，已拒绝：${reason.zh}`,
    en: `refused as a likely decompression bomb: ${reason.en}`,
  })
}

export function damagedArchive(cause: unknown): UploadRefusedError {
  return new UploadRefusedError(
    { zh: '压缩文件无法读取或已损坏', en: 'the archive cannot be read or is damaged' },
    { cause },
  )
}

export function damagedImage(cause: unknown): UploadRefusedError {
  return new UploadRefusedError(
    { zh: '图片无法读取或已损坏', en: 'the image cannot be read or is damaged' },
    { cause },
  )
}

export function tooManyPixels(limit: number): UploadRefusedError {
  const tenThousands = (limit / 10_000).toLocaleString('en', { maximumFractionDigits: 1, useGrouping: false })
  return new UploadRefusedError({
    zh: `图片像素总数超过上限 ${tenThousands} 万像素，请缩小后再上传`,
    en: `the image has more than the limit of ${limit.toLocaleString('en')} pixels; scale it down`,
  })
}

export function refused(message: BilingualMessage): UploadRefusedError {
  return new UploadRefusedError(message)
}
