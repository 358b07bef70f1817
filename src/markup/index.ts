/**
 * How text reaches a page, shared by the content services (on save) and the render processes
 * (on publish): what an article body may hold, how it is parsed into a tree and written out
 * again, its size limits, and how a minute is written in a site's time zone. Kept apart from
 * content so that a render process loads these and not the services, the store and their
 * libraries (a render process started in about half the time for it).
 */
export { assertWithinBodyLimits, BodyLimitError, MAX_BODY_DEPTH, MAX_BODY_ELEMENTS } from './body-limits.ts'
export {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_STYLES,
  ALLOWED_TAGS,
  COLOR_VALUE,
  DROPPED_WITH_CONTENT,
  FONT_FAMILY,
  IFRAME_SANDBOX,
  isAllowedImageSource,
  VALID_VALUES,
} from './body-policy.ts'
export { FIELD_NAME } from './field-name.ts'
export { type PageLink, pageLinks } from './page-links.ts'
export {
  appendText,
  type BodyElement,
  type BodyFragment,
  type BodyNode,
  type BodyParent,
  isElement,
  parseBodyFragment,
  serializeBodyFragment,
} from './parse-body-fragment.ts'
export { TABLE_TAGS } from './table-tags.ts'
export { formatZonedMinute, isTimeZone, parseZonedMinute, zonedYear } from './zoned-time.ts'
