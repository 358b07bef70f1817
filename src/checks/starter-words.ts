import type { WordEntry } from './wording-entry.ts'

/**
 * The lists fabu ships, to start from: wrong formulations of political terms as the public
 * style rules of the state news agency (新华社新闻信息报道中的禁用词和慎用词) name them, and the
 * absolute terms 广告法 (Advertising Law, art. 9(3)) forbids. No person's name is shipped:
 * protected names are each site's own data (`fabu words add --kind protected`).
 */
export const starterWords: readonly WordEntry[] = [
  political('台湾国', '台湾地区'),
  political('中华民国', '台湾地区（1949 年后）'),
  political('台湾政府', '台湾当局'),
  political('台湾总统', '台湾地区领导人'),
  political('台湾国旗', null),
  political('中华民国总统', '台湾地区领导人'),
  political('北朝鲜', '朝鲜'),
  political('南朝鲜', '韩国'),
  political('西藏流亡政府', null),
  political('中国台北', '中国台北（仅用于体育赛事等），或台湾地区'),
  advertising('国家级'),
  advertising('世界级'),
  advertising('最高级'),
  advertising('最佳'),
  advertising('最好'),
  advertising('顶级'),
  advertising('极品'),
  advertising('第一品牌'),
  advertising('首选'),
  advertising('全网最低'),
]

function political(word: string, suggestion: string | null): WordEntry {
  return { word, kind: 'political', level: 'block', suggestion }
}

/** In an official article 国家级 is often right (国家级重点实验室): a warning, the editor decides. */
function advertising(word: string): WordEntry {
  return { word, kind: 'advertising', level: 'warn', suggestion: null }
}
