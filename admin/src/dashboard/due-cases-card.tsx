import { Card, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'

interface DueCase {
  readonly id: number
  readonly subject: string
  readonly deadline: { readonly state: string; readonly dueDay?: string }
}

/**
 * 政民互动's cases past or near their due day (检查指标: a letter left unanswered fails the whole
 * site). Users who handle no mailbox get two empty lists and see the card empty.
 */
export function DueCasesCard({
  siteId,
  refreshKey,
}: {
  readonly siteId: number
  readonly refreshKey: number
}) {
  const { t } = useI18n()
  const [due, setDue] = useState<{ overdue: DueCase[]; dueSoon: DueCase[] } | null>(null)
  useEffect(() => {
    void refreshKey
    api<{ overdue: DueCase[]; dueSoon: DueCase[] }>('GET', `/api/sites/${siteId}/cases/due`).then(
      setDue,
      () => setDue({ overdue: [], dueSoon: [] }),
    )
  }, [siteId, refreshKey])
  const rows = [
    ...(due?.overdue ?? []).map((item) => ({ item, urgency: 'overdue' as const })),
    ...(due?.dueSoon ?? []).map((item) => ({ item, urgency: 'due-soon' as const })),
  ]
  return (
    <Card
      className="section-card dashboard-card"
      title={
        <h3 id="due-cases-title" className="card-title">
          {t('dueCasesTitle')}
        </h3>
      }
    >
      {rows.length === 0 ? (
        <p className="dashboard-empty">{t('dueCasesEmpty')}</p>
      ) : (
        <ul aria-labelledby="due-cases-title">
          {rows.map(({ item, urgency }) => (
            <li key={item.id}>
              <Tag color={urgency === 'overdue' ? 'red' : 'orange'}>{t(`urgency.${urgency}`)}</Tag>
              <span className="dashboard-item-title">
                #{item.id} {item.subject}
              </span>{' '}
              {item.deadline.dueDay ?? ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
