import { DatePicker, Form, InputNumber, Switch, TreeSelect } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { ColumnOption } from './column-options.ts'
import { minuteItem } from './date-items.ts'
import type { EditorValues } from './editor-values.ts'

/**
 * 引用 (the further columns the article shows in) and 置顶 (pinned, higher weight first, until
 * an optional end when the pin lifts by itself).
 */
export function PlacementFields({ columnOptions }: { columnOptions: ColumnOption[] }) {
  const { t } = useI18n()
  const weight = Form.useWatch<number | undefined>('weight')
  const isPinned = (weight ?? 0) > 0
  return (
    <fieldset className="field-group">
      <legend>{t('editor.placement')}</legend>
      <Form.Item name="alsoInColumnIds" label={t('editor.alsoIn')} extra={t('editor.alsoInHelp')}>
        <TreeSelect
          multiple
          treeData={columnOptions}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          placeholder={t('editor.alsoInPlaceholder')}
          aria-label={t('editor.alsoIn')}
        />
      </Form.Item>
      <Form.Item<EditorValues>
        name="weight"
        label={t('editor.pinned')}
        valuePropName="checked"
        getValueProps={(value: number | undefined) => ({ checked: (value ?? 0) > 0 })}
        // Switching on keeps a weight set before; off is 0, which the server reads as not pinned.
        normalize={(checked: boolean, previous: number | undefined) =>
          checked ? Math.max(previous ?? 0, 1) : 0
        }
      >
        <Switch aria-label={t('editor.pinned')} />
      </Form.Item>
      {isPinned ? (
        <>
          <Form.Item name="weight" label={t('editor.pinWeight')} extra={t('editor.pinWeightHelp')}>
            <InputNumber min={1} max={9999} precision={0} className="full-width" />
          </Form.Item>
          <Form.Item
            name="pinnedUntil"
            label={t('editor.pinnedUntil')}
            extra={t('editor.pinnedUntilHelp')}
            {...minuteItem}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              className="full-width"
              aria-label={t('editor.pinnedUntil')}
            />
          </Form.Item>
        </>
      ) : null}
    </fieldset>
  )
}
