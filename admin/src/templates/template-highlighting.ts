import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { tags } from '@lezer/highlight'

/**
 * CodeMirror's default colours (defaultHighlightStyle) for Liquid and the HTML around it, with
 * the three below 4.5:1 on the active or the error line darkened (WCAG 1.4.3; axe checks every
 * token): HTML tag names (a typeName), escapes, and what does not parse, such as a close tag of
 * an element a partial opened.
 */
export const templateHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.meta, color: '#404740' },
    { tag: tags.link, textDecoration: 'underline' },
    { tag: tags.heading, textDecoration: 'underline', fontWeight: 'bold' },
    { tag: tags.emphasis, fontStyle: 'italic' },
    { tag: tags.strong, fontWeight: 'bold' },
    { tag: tags.strikethrough, textDecoration: 'line-through' },
    { tag: tags.keyword, color: '#708' },
    { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: '#219' },
    { tag: [tags.literal, tags.inserted], color: '#164' },
    { tag: [tags.string, tags.deleted], color: '#a11' },
    { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: '#a33b00' },
    { tag: tags.definition(tags.variableName), color: '#00f' },
    { tag: tags.local(tags.variableName), color: '#30a' },
    { tag: [tags.typeName, tags.namespace], color: '#116329' },
    { tag: tags.className, color: '#167' },
    { tag: [tags.special(tags.variableName), tags.macroName], color: '#256' },
    { tag: tags.definition(tags.propertyName), color: '#00c' },
    { tag: tags.comment, color: '#940' },
    { tag: tags.invalid, color: '#a8071a' },
  ]),
)
