import { Button, Card, Tag } from 'antd'
import { useI18n } from '../i18n.tsx'
import { timeFormatter } from '../sections/format-time.ts'
import type { Site } from '../types.ts'
import type { TemplateItem } from './template-types.ts'

export interface TemplateListProps {
  readonly site: Site
  readonly items: readonly TemplateItem[]
  readonly selected: string | null
  onSelect(name: string): void
}

/** The theme's templates, the site's own versions marked, the open one current. */
export function TemplateList({ site, items, selected, onSelect }: TemplateListProps) {
  const { t } = useI18n()
  const time = timeFormatter({ timeZone: site.timeZone })
  return (
    <Card
      className="section-card"
      title={
        <h3 id="template-list-title" className="card-title">
          {t('templateList')}
        </h3>
      }
    >
      {items.length === 0 ? (
        <p className="template-empty">{t('templateEmpty')}</p>
      ) : (
        <ul className="template-list" aria-labelledby="template-list-title">
          {items.map((item) => (
            <li key={item.name}>
              <Button
                type="text"
                aria-current={item.name === selected ? 'true' : undefined}
                onClick={() => onSelect(item.name)}
              >
                <span>
                  <span className="template-name">{item.name}</span>
                  {item.isCustomized ? <Tag color="blue">{t('templateCustomized')}</Tag> : null}
                  {item.isCustomized && item.updatedAt ? (
                    <span className="template-changed">
                      {t('templateChangedAt', { time: time(item.updatedAt) })}
                    </span>
                  ) : null}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
