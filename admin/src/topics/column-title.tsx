import { Tag } from 'antd'
import { useI18n } from '../i18n.tsx'

/** A column's name in the tree; a 专题 carries its mark, read out with the name. */
export function ColumnTitle({ name, kind }: { readonly name: string; readonly kind: string }) {
  const { t } = useI18n()
  if (kind !== 'topic') return name
  return (
    <span>
      {name}
      <Tag className="column-topic-mark">{t('topics.mark')}</Tag>
    </span>
  )
}
