/** Words of the admin's URLs: a path that names no screen, leaving unsaved changes. */
export const zh = {
  pageNotFound: '没有这个页面',
  leaveTitle: '离开此页？',
  leaveContent: '文章有未保存的修改，离开后这些修改不会保存到服务器（本浏览器中留有草稿）。',
  leaveConfirm: '离开',
  leaveStay: '留在此页',
}

export const en: Record<keyof typeof zh, string> = {
  pageNotFound: 'There is no such page',
  leaveTitle: 'Leave this page?',
  leaveContent:
    'The article has unsaved changes. If you leave, they are not saved to the server (a draft stays in this browser).',
  leaveConfirm: 'Leave',
  leaveStay: 'Stay',
}
