import { SUBMISSION_LIMITS } from './case-inputs.ts'
import { html, type SafeHtml } from './html-template.ts'
import type { Mailbox } from './mailbox.ts'
import { mailboxKindLabels } from './mailbox.ts'
import { ANSWERS_PAGE_SIZE, type PublishedAnswer } from './published-answers.ts'
import type { PublicCaseStatus, Receipt } from './submit-case.ts'

export interface PageSite {
  readonly name: string
  readonly language: string
}

/**
 * A page of the public site's forms, in the theme's look: the theme's stylesheet and the
 * site's name, no script, so it works the same without JavaScript.
 */
export function publicPage(site: PageSite, title: string, body: SafeHtml): string {
  return `<!DOCTYPE html>${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} - ${site.name}</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body class="page-interaction">
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header"><div class="container"><p class="site-name"><a href="/index.html">${site.name}</a></p></div></header>
<main id="main" class="container">
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`}`
}

export type FormValues = Readonly<Record<string, string | undefined>>

function field(
  name: string,
  label: string,
  values: FormValues,
  options: { required?: boolean; maxLength?: number; type?: string; hint?: string } = {},
): SafeHtml {
  const id = `f-${name}`
  return html`<p class="form-field"><label for="${id}">${label}${options.required ? html`<span aria-hidden="true"> *</span>` : ''}</label>
<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${values[name] ?? ''}"${options.required ? html` required` : ''}${options.maxLength ? html` maxlength="${options.maxLength}"` : ''}${options.hint ? html` aria-describedby="${id}-hint"` : ''}>${options.hint ? html`<small id="${id}-hint">${options.hint}</small>` : ''}</p>`
}

/** The submission form of a mailbox: a plain HTML form that posts to itself. */
export function formPage(
  site: PageSite,
  mailbox: Mailbox,
  form: { readonly token: string; readonly question: string },
  values: FormValues = {},
  problem?: string,
): string {
  const isDisclosure = mailbox.kind === 'disclosure'
  const categories = mailbox.categories.length
    ? html`<p class="form-field"><label for="f-category">类别</label>
<select id="f-category" name="category"><option value="">（不限）</option>${mailbox.categories.map(
        (category) =>
          html`<option value="${category}"${values.category === category ? html` selected` : ''}>${category}</option>`,
      )}</select></p>`
    : ''
  const disclosureFields = isDisclosure
    ? html`<fieldset><legend>申请人信息（《政府信息公开条例》第二十九条）</legend>
<p class="form-field"><label for="f-applicantType">申请人类型</label>
<select id="f-applicantType" name="applicantType"><option value="citizen">公民</option><option value="legal_person"${values.applicantType === 'legal_person' ? html` selected` : ''}>法人或其他组织</option></select></p>
${field('idType', '证件类型', values, { maxLength: 20 })}
${field('idNumber', '证件号码', values, { maxLength: SUBMISSION_LIMITS.idNumber })}
${field('purpose', '用途（可选）', values, { maxLength: 500 })}
<p class="form-field"><label for="f-delivery">获取方式</label>
<select id="f-delivery" name="delivery"><option value="email">电子邮件</option><option value="paper">纸质邮寄</option><option value="pickup">当面领取</option><option value="electronic">电子数据</option></select></p>
</fieldset>`
    : ''
  const body = html`${problem ? html`<p class="form-problem" role="alert">${problem}</p>` : ''}
<p>${mailboxKindLabels[mailbox.kind]}，${mailbox.deadlineDays} 个工作日内答复。标 * 的为必填项；您的联系方式只用于办理，不会公开。</p>
<form method="post" action="/_fabu/letters/${mailbox.slug}" class="letter-form">
<input type="hidden" name="token" value="${form.token}">
${field('subject', isDisclosure ? '所需信息名称' : '标题', values, { required: true, maxLength: SUBMISSION_LIMITS.subject })}
<p class="form-field"><label for="f-content">${isDisclosure ? '所需信息的内容描述' : '内容'}<span aria-hidden="true"> *</span></label>
<textarea id="f-content" name="content" rows="8" required maxlength="${SUBMISSION_LIMITS.content}">${values.content ?? ''}</textarea></p>
${categories}
${field('name', isDisclosure ? '申请人姓名或名称' : '姓名', values, { required: true, maxLength: SUBMISSION_LIMITS.name })}
${field('phone', '联系电话', values, { required: true, type: 'tel', hint: '凭查询码和电话后四位查看办理结果' })}
${field('email', '电子邮箱', values, { type: 'email', maxLength: SUBMISSION_LIMITS.email })}
${isDisclosure ? '' : field('idNumber', '身份证号（可选）', values, { maxLength: SUBMISSION_LIMITS.idNumber })}
${disclosureFields}
${mailbox.publishesAnswers ? html`<p class="form-field"><input id="f-mayPublish" name="mayPublish" type="checkbox" value="yes"${values.mayPublish ? html` checked` : ''}> <label for="f-mayPublish">同意公开（公开时隐去姓名和联系方式）</label></p>` : ''}
${field('answer', `验证：${form.question}`, {}, { required: true, maxLength: 3 })}
<p><button type="submit">提交</button></p>
</form>
<p><a href="/_fabu/case">用查询码查看办理情况</a>${mailbox.publishesAnswers ? html`　<a href="/zmhd/xx/${mailbox.slug}/index.html">答复公开</a>` : ''}</p>`
  return publicPage(site, mailbox.name, body)
}

export function receiptPage(site: PageSite, mailbox: Mailbox, receipt: Receipt): string {
  const body = html`<p role="status">已收到，谢谢。请记下您的查询码：</p>
<p class="query-code"><strong data-field="queryCode">${receipt.queryCode}</strong></p>
<p>凭查询码和联系电话后四位，可在 <a href="/_fabu/case">办理情况查询</a> 页面查看办理进度和答复。</p>`
  return publicPage(site, `${mailbox.name}：提交成功`, body)
}

export function lookupPage(site: PageSite, problem?: string): string {
  const body = html`${problem ? html`<p class="form-problem" role="alert">${problem}</p>` : ''}
<form method="post" action="/_fabu/case" class="lookup-form">
<p class="form-field"><label for="f-code">查询码</label> <input id="f-code" name="code" required maxlength="20" autocomplete="off"></p>
<p class="form-field"><label for="f-phone4">联系电话后四位</label> <input id="f-phone4" name="phone4" required maxlength="4" inputmode="numeric" autocomplete="off"></p>
<p><button type="submit">查询</button></p>
</form>`
  return publicPage(site, '办理情况查询', body)
}

/**
 * The case as its sender sees it, with buttons to download their own copy (the code and the
 * phone digits they just typed go along as hidden fields: the page is never cached).
 */
export function statusPage(site: PageSite, status: PublicCaseStatus, phone4 = ''): string {
  const reply = status.reply
    ? html`<section class="case-reply"><h2>答复${status.answerLabel ? html`（${status.answerLabel}）` : ''}</h2>
<div data-field="reply" class="case-text">${status.reply}</div>
${status.answerReason ? html`<p data-field="answerReason">${status.answerReason}</p>` : ''}
<p>答复时间：${status.repliedAt?.slice(0, 10)}</p></section>`
    : status.answerReason
      ? html`<p data-field="answerReason">需要补正：${status.answerReason}</p>`
      : ''
  const body = html`<dl class="case-facts">
<dt>查询码</dt><dd>${status.queryCode}</dd>
<dt>信箱</dt><dd>${status.mailboxName}</dd>
<dt>受理日期</dt><dd>${status.receivedDay}</dd>
<dt>状态</dt><dd data-field="status">${status.statusLabel}</dd>
</dl>
<h2 data-field="subject">${status.subject}</h2>
<div data-field="content" class="case-text">${status.content}</div>
${reply}
<form method="post" action="/_fabu/case/copy" class="copy-form">
<input type="hidden" name="code" value="${status.queryCode}">
<input type="hidden" name="phone4" value="${phone4}">
<p>下载本人的来信和答复（含本人个人信息）：
<button type="submit" name="format" value="txt">文本文件</button>
<button type="submit" name="format" value="json">JSON 文件</button></p>
</form>`
  return publicPage(site, '办理情况', body)
}

/** A mailbox's published answers: each letter with its masked sender, department, dates and reply. */
export function answersPage(
  site: PageSite,
  mailbox: Mailbox,
  answers: { readonly items: readonly PublishedAnswer[]; readonly total: number },
  page: number,
): string {
  const pages = Math.max(1, Math.ceil(answers.total / ANSWERS_PAGE_SIZE))
  const link = (n: number, label: string) =>
    html`<a href="/_fabu/letters/${mailbox.slug}/answers${n > 1 ? `?page=${n}` : ''}">${label}</a>`
  const body = html`<p><a href="/_fabu/letters/${mailbox.slug}">我要写信</a></p>
${answers.items.length === 0 ? html`<p>暂无公开的答复。</p>` : ''}
${answers.items.map(
  (item) => html`<article class="letter" id="letter-${item.id}">
<h2 data-field="subject">${item.subject}</h2>
<p class="letter-meta">来信人：<span data-field="name">${item.nameMasked}</span>　来信日期：${item.receivedDay}</p>
<div data-field="content" class="case-text">${item.content}</div>
<section class="case-reply"><h3>答复${item.department ? html`（${item.department}）` : ''}</h3>
<div data-field="reply" class="case-text">${item.reply}</div>
<p class="letter-meta">答复日期：${item.repliedAt?.slice(0, 10)}</p></section>
</article>`,
)}
<nav class="pager" aria-label="分页">${page > 1 ? link(page - 1, '上一页') : ''} 第 ${page} / ${pages} 页 ${page < pages ? link(page + 1, '下一页') : ''}</nav>`
  return publicPage(site, `${mailbox.name}：答复公开`, body)
}
