/** Text that a browser or a server would run rather than show. */
export type Markup = 'script' | 'svg' | 'html' | 'xml'

// The tags a browser takes as HTML when it sniffs a text file, each followed by a space or `>`:
// WHATWG MIME Sniffing, §7.1 "Identifying a resource with an unknown MIME type".
const HTML_OPENINGS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
]

const HEAD_BYTES = 4096

/** Looks at the start of a file for scripts, SVG, HTML and XML, whatever the file's name says. */
export function sniffMarkup(bytes: Uint8Array): Markup | null {
  const head = textHead(bytes)
  if (head.startsWith('#!') || head.startsWith('<?php') || head.startsWith('<%')) return 'script'
  if (!head.startsWith('<')) return null
  if (/<svg[\s>]/.test(head) || head.startsWith('<!doctype svg')) return 'svg'
  if (HTML_OPENINGS.some((tag) => opensWith(head, tag)) || /<html[\s>]/.test(head)) return 'html'
  if (head.startsWith('<?xml')) return 'xml'
  return null
}

/** The first few KB, lower-cased, after any byte order mark and leading white space. */
function textHead(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1')
  return head
    .replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '')
    .trimStart()
    .toLowerCase()
}

function opensWith(head: string, tag: string): boolean {
  if (!head.startsWith(tag)) return false
  const next = head[tag.length]
  return tag === '<!--' || next === ' ' || next === '>' || next === '\t' || next === '\n' || next === '\r'
}
