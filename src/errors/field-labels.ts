/**
 * Input fields as a Chinese screen names them, so a refusal reads `密码：至少 12 位` and not
 * `password：至少 12 位`. A field not listed keeps its name; `source` is left out on purpose:
 * it is an article's 来源 and a template's 源码, and the template editor reads it as the latter.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  subtitle: '副标题',
  author: '作者',
  summary: '摘要',
  keywords: '关键词',
  bodyHtml: '正文',
  pageBodyHtml: '栏目页正文',
  publishAt: '发布时间',
  unpublishAt: '撤稿时间',
  pinnedUntil: '置顶截止时间',
  weight: '置顶权重',
  columnId: '栏目',
  alsoInColumnIds: '引用栏目',
  attachments: '附件',
  coverImage: '封面图',
  externalUrl: '外部链接',
  customFields: '自定义字段',
  disclosure: '信息公开',
  indexNo: '索引号',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  userName: '用户名',
  displayName: '显示名',
  name: '名称',
  slug: '英文标识',
  baseUrl: '网址',
  timeZone: '时区',
  theme: '主题',
  reviewLevel: '审核级别',
  reviewLevels: '审核级数',
  comment: '意见',
  reason: '原因',
  linkUrl: '链接地址',
  email: '电子邮箱',
  code: '验证码',
  file: '文件',
  days: '天数',
  input: '输入',
  content: '内容',
}

/** `attachments.0.name` → `附件 第 1 项 名称`. */
export function fieldLabelZh(field: string): string {
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `第 ${Number(part) + 1} 项` : (FIELD_LABELS[part] ?? part)))
    .join(' ')
}
