import { DatePicker, Form, Input, Select, TreeSelect } from 'antd'
import { useI18n } from '../i18n.tsx'
import { CustomFieldItems, DisclosureItems } from './column-fields.tsx'
import { columnOptions } from './column-options.ts'
import { minuteItem } from './date-items.ts'
import { PlacementFields } from './placement-fields.tsx'
import type { EditorColumn } from './types.ts'
import { AttachmentsInput, CoverImageInput } from './upload-inputs.tsx'

interface SideFieldsProps {
  readonly siteId: number
  readonly columns: readonly EditorColumn[]
  /** The home column now chosen, once the tree is known. */
  readonly column: EditorColumn | undefined
  readonly indexNo: string | null
  /** Whether the user may put articles in a column (the column and its ancestors, nearest first). */
}

/** The article's particulars beside the body: where it goes, when, who wrote it, its files. */
export function SideFields({ siteId, columns, column, indexNo }: SideFieldsProps) {
  const { t } = useI18n()
  const options = columnOptions(columns)

  return (
    <>
      <Form.Item
        name="columnId"
        label={t('editor.column')}
        rules={[{ required: true, message: t('editor.columnRequired') }]}
      >
        <TreeSelect
          treeData={options}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          placeholder={t('editor.chooseColumn')}
        />
      </Form.Item>
      <PlacementFields columnOptions={options} />
      <Form.Item
        name="publishAt"
        label={t('editor.publishAt')}
        extra={t('editor.publishAtHelp')}
        {...minuteItem}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
      </Form.Item>
      <Form.Item name="source" label={t('editor.source')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="author" label={t('editor.author')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="keywords" label={t('editor.keywords')} extra={t('editor.keywordsHelp')}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ' ']} />
      </Form.Item>
      <Form.Item name="summary" label={t('editor.summary')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="coverImage" label={t('editor.coverImage')}>
        <CoverImageInput siteId={siteId} />
      </Form.Item>
      <Form.Item name="attachments" label={t('editor.attachments')}>
        <AttachmentsInput siteId={siteId} />
      </Form.Item>
      {column ? <CustomFieldItems column={column} /> : null}
      {column?.isDisclosure ? <DisclosureItems indexNo={indexNo} /> : null}
    </>
  )
}
