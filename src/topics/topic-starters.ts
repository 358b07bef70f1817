import type { ColumnUpdateType } from '../content/index.ts'

/** A sub-column a starter creates: an ordinary list column below the topic. */
export interface StarterColumn {
  readonly name: string
  readonly slug: string
  /** How fresh the inspection expects it (column-inputs.ts). */
  readonly updateType: ColumnUpdateType
}

/** What 新建专题 starts from: the topic's sub-columns and the template set its pages use. */
export interface TopicStarter {
  readonly id: string
  readonly label: { readonly zh: string; readonly en: string }
  readonly templateSet: string
  readonly columns: readonly StarterColumn[]
}

/**
 * The starters an editor chooses from. Their sub-columns are the ones most 专题 of government
 * sites carry (news, the policy documents behind the topic, a picture report); a site adds
 * or renames columns afterwards in the column tree like any other.
 */
export const TOPIC_STARTERS: readonly TopicStarter[] = Object.freeze([
  {
    id: 'standard',
    label: { zh: '标准专题', en: 'Standard topic' },
    templateSet: 'topic',
    columns: [
      { name: '最新动态', slug: 'zxdt', updateType: 'news' },
      { name: '政策文件', slug: 'zcwj', updateType: 'policy' },
      { name: '图片报道', slug: 'tpbd', updateType: 'news' },
    ],
  },
  {
    id: 'brief',
    label: { zh: '简易专题', en: 'Brief topic' },
    templateSet: 'topic',
    columns: [
      { name: '工作动态', slug: 'gzdt', updateType: 'news' },
      { name: '相关解读', slug: 'xgjd', updateType: 'policy' },
    ],
  },
])
