/**
 * The fixed vocabulary of removal reasons. Every block strip drops carries one
 * of these names (in `removed` with `--explain`); the README lists them from
 * here.
 */
export const REASONS = {
  navigation: 'menu entries, paging links and other site navigation',
  breadcrumb: '"you are here" trails (当前位置, 首页 > 栏目 > 正文)',
  title: 'the headline itself; it goes to metadata.title',
  'title-repeat': 'the headline or document title repeated around the article',
  'header-line': 'article header and credit lines (来源, 发布时间, 作者, 编辑 …); values go to metadata',
  'related-list': 'related-article and recommendation lists, their headers and teasers',
  'share-prompt': 'share, like, follow and comment prompts, WeChat outros',
  footer: 'site footer text (maintenance notes, about/contact links)',
  contact: 'hotlines, submission mailboxes, addresses',
  copyright: 'copyright notices and reprint statements',
  icp: 'ICP and public-security registration numbers',
  'seo-spam': 'keyword stuffing: long runs of repeated keywords without sentences',
  'link-farm': 'lists of links to other sites (友情链接, 合作伙伴)',
  advertisement: 'ad slots, banners and sponsored blocks',
  'user-comments': 'reader comments and replies below the article',
  'front-matter': 'Markdown front matter and markers such as <!--more-->',
  'image-junk': 'images, image captions without text and empty links',
  placeholder: 'loading messages and controls (读取内容中,请等待..., 【关闭】)',
  'script-style': 'script, style and other non-text elements',
  hidden: 'elements hidden with display:none, the hidden attribute or aria-hidden',
  comment: 'HTML comments',
  empty: 'blocks with no letters or digits',
  duplicate: 'a paragraph repeated verbatim (a page carrying the article twice, e.g. mobile and desktop copies)',
  'low-text-density': 'short or link-heavy blocks without sentences around the article',
  'outside-article': 'text outside the article area chosen by text-density scoring',
} as const;

export type Reason = keyof typeof REASONS;

export function isReason(name: string): name is Reason {
  return Object.prototype.hasOwnProperty.call(REASONS, name);
}
