import { loadSharp } from './load-sharp.ts'

// Pango markup: the site's text goes in as text, never as markup.
const MARKUP_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * The site's watermark as a transparent PNG for a picture of `width` × `height`: light text
 * on a faint dark band, at most a third of the width and a twentieth of the short side high
 * (16 px at least), with a margin so it sits off the bottom-right corner.
 */
export async function watermarkOverlay(text: string, width: number, height: number): Promise<Buffer | null> {
  const lineHeight = Math.max(16, Math.round(Math.min(width, height) / 20))
  const margin = Math.round(lineHeight / 2)
  const boxWidth = Math.round(width / 3)
  if (lineHeight + margin > height || boxWidth < lineHeight) return null
  const escaped = text.replace(/[&<>]/g, (char) => MARKUP_ESCAPES[char] ?? char)
  const sharp = await loadSharp()
  const label = await sharp({
    text: {
      text: `<span foreground="#ffffffd9" background="#00000059"> ${escaped} </span>`,
      width: boxWidth,
      height: lineHeight,
      rgba: true,
    },
  })
    .extend({ right: margin, bottom: margin, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer()
  return label
}
