// What a typed address never needs and what would end an attribute, a header or a line
// wherever the address is written out as it was saved: quotes, angle brackets, backslashes,
// spaces and controls. The URL parser would accept most of them (in a host too: `"`, `'`,
// `(` and `=` are allowed there).
const UNSAFE_CHARACTERS = /[\s"'<>`\\^{|}\p{Cc}]/u
// A host as DNS names it (an IDN arrives here in its xn-- form), or an address in brackets.
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$/

/**
 * Why `address` (already checked to be an http(s) URL) cannot be a site's base address, as
 * "中文|English", or null when it can. A site's address makes the links to its pages that
 * other sites show (信息报送 adoptions link back to it), so it may carry nothing but a plain
 * web address: no user name or password (`https://gov.cn@elsewhere.example/` goes elsewhere).
 */
export function siteAddressProblem(address: string): string | null {
  if (UNSAFE_CHARACTERS.test(address))
    return '网址不能含空格、引号、尖括号或反斜杠|the address may not contain spaces, quotes, angle brackets or backslashes'
  const url = URL.parse(address)
  if (url === null) return '须为 http(s) 网址|must be an http(s) URL'
  if (url.username !== '' || url.password !== '')
    return '网址不能含用户名或密码（@ 之前的部分）|the address may not contain a user name or password (before @)'
  if (!PLAIN_HOST.test(url.hostname)) return '网址的主机名无效|the host name is not valid'
  return null
}
