/** A LiquidJS message in both languages: what the template's author reads instead of LiquidJS's English. */
export interface LiquidErrorWords {
  readonly zh: string
  readonly en: string
}

// LiquidJS 10's parse messages, without their ", line:…" tail. `what` is at most about 200
// characters (check-template.ts cuts it), so these expressions stay cheap.
const WORDS: readonly [RegExp, (found: RegExpExecArray) => LiquidErrorWords][] = [
  [
    /^tag (\{%.*%\}) not closed$/s,
    ([, tag]) => ({ zh: `标签 ${tag} 未闭合`, en: `tag ${tag} is not closed` }),
  ],
  [
    /^output "(.*)" not closed$/s,
    ([, output]) => ({
      zh: `输出 ${output} 未闭合（缺少 }}）`,
      en: `output ${output} is not closed (no }})`,
    }),
  ],
  [
    /^raw "(.*)" not closed$/s,
    () => ({ zh: 'raw 块未闭合（缺少 {% endraw %}）', en: 'raw block is not closed (no {% endraw %})' }),
  ],
  [
    /^tag "end(\w+)" not found$/,
    ([, name]) => ({
      zh: `多余的结束标签 {% end${name} %}（没有对应的 {% ${name} %}）`,
      en: `{% end${name} %} without its {% ${name} %}`,
    }),
  ],
  [
    /^tag "(\w+)" not found$/,
    ([, name]) => ({ zh: `未知标签 {% ${name} %}`, en: `unknown tag {% ${name} %}` }),
  ],
  [/^illegal tag: (.*)$/s, ([, tag]) => ({ zh: `标签 ${tag} 写法有误`, en: `malformed tag ${tag}` })],
  [/^duplicated else$/, () => ({ zh: '重复的 {% else %}', en: 'a second {% else %}' })],
  [/^expected variable name/, () => ({ zh: '缺少变量名', en: 'a variable name is missing' })],
  [/^illegal file path/, () => ({ zh: '模板文件名无效', en: 'the template file name is not valid' })],
  // Render time: what a template preview meets once the template parsed.
  [/^undefined filter: (.*)$/s, ([, name]) => ({ zh: `未知过滤器 ${name}`, en: `unknown filter ${name}` })],
  [
    /^ENOENT: Failed to lookup "(.*?)"/s,
    ([, file]) => ({ zh: `找不到模板文件 ${file}`, en: `no template file ${file}` }),
  ],
  [
    /^template render limit exceeded$/,
    () => ({
      zh: '渲染时间超出上限（循环过多？）',
      en: 'the render time limit was exceeded (too many loops?)',
    }),
  ],
  [
    /^memory alloc limit exceeded$/,
    () => ({ zh: '渲染占用内存超出上限', en: 'the render memory limit was exceeded' }),
  ],
  [
    // The renderer names the template in brackets (page-renderer.ts): kept, it says which one.
    /^page larger than (\d+) MB(?: \((.+)\))?/,
    ([, size, template]) => ({
      zh: `${template ? `${template} ` : ''}生成的页面超过 ${size} MB`,
      en: `the page${template ? ` of ${template}` : ''} is larger than ${size} MB`,
    }),
  ],
  // The two ways a render process is stopped (render-pool.ts, render-process.ts), the template
  // named in brackets: under load a heap-eating template may meet the deadline first, and the
  // author must still learn which template it was.
  [
    /^rendering took longer than (\d+) ms and was stopped(?: \((.+)\))?$/,
    ([, ms, template]) => ({
      zh: `${template ? `${template} ` : ''}渲染超过 ${ms} 毫秒，已停止`,
      en: `rendering took longer than ${ms} ms and was stopped${template ? ` (${template})` : ''}`,
    }),
  ],
  [
    /^the template used more than the renderer's (\d+) MB of memory; the renderer was stopped(?: \((.+)\))?$/,
    ([, mb, template]) => ({
      zh: `${template ?? '模板'} 占用内存超过渲染进程的 ${mb} MB，渲染进程已停止`,
      en: `the template used more than the renderer's ${mb} MB of memory; the renderer was stopped${template ? ` (${template})` : ''}`,
    }),
  ],
  [
    /^invalid value expression: (.*)$/s,
    ([, expression]) => ({
      zh: `表达式无效：${expression || '（空）'}`,
      en: `invalid expression: ${expression || '(empty)'}`,
    }),
  ],
]

/**
 * LiquidJS's message in Chinese and English; one it does not know keeps LiquidJS's English
 * behind a Chinese lead, so the Chinese screen never shows English alone.
 * @example liquidErrorWords('tag {% if x %} not closed') // → { zh: '标签 {% if x %} 未闭合', … }
 */
export function liquidErrorWords(what: string): LiquidErrorWords {
  for (const [pattern, words] of WORDS) {
    const found = pattern.exec(what)
    if (found) return words(found)
  }
  return { zh: `模板语法错误（${what}）`, en: what }
}
