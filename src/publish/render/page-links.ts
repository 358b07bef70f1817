import { type Token, Tokenizer, TokenizerMode } from 'parse5'

/** A link or image of a published page, as written in it. */
export interface PageLink {
  readonly element: 'a' | 'img'
  readonly href: string
}

/** Elements whose content the HTML parser reads as text, and how (what a tree builder would tell the tokenizer). */
const TEXT_MODES: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
}

const ignore = () => {}

/**
 * The links and images of a rendered page, each distinct one once, for the link check after the
 * run (checks/internal-links.ts). It runs in the render process on every page written, so it
 * reads the page with the HTML standard's tokenizer (parse5) alone, switching to text modes
 * where a tree builder would (script, style, title…), and builds no tree: a third of a full
 * parse's time. Attribute values come decoded, as a browser reads them.
 */
export function pageLinks(html: string): PageLink[] {
  const seen = new Set<string>()
  const links: PageLink[] = []
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onStartTag(token: Token.TagToken) {
        const mode = TEXT_MODES[token.tagName]
        if (mode !== undefined && !token.selfClosing) tokenizer.state = mode
        const wanted = token.tagName === 'a' ? 'href' : token.tagName === 'img' ? 'src' : null
        if (wanted === null) return
        const href = token.attrs.find((attr) => attr.name === wanted)?.value.trim() ?? ''
        if (href === '' || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) return
        const key = `${token.tagName} ${href}`
        if (seen.has(key)) return
        seen.add(key)
        links.push({ element: token.tagName as 'a' | 'img', href })
      },
      onEndTag: ignore,
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
      onCharacter: ignore,
      onNullCharacter: ignore,
      onWhitespaceCharacter: ignore,
    },
  )
  tokenizer.write(html, true)
  return links
}
