/**
 * Senders write their phone, ID number or e-mail into the letter itself; the published copy
 * keeps the first and last characters of each and masks the rest. Plain text in, plain text out
 * (the template escapes it): mobile and fixed-line numbers, 18-character ID numbers, addresses.
 */
const CONTACTS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{17}[\dXx]|(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/g

export function maskContacts(text: string): string {
  return text.replace(
    CONTACTS,
    (found) => `${found.slice(0, 3)}${'*'.repeat(Math.max(0, found.length - 5))}${found.slice(-2)}`,
  )
}
