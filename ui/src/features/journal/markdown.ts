// An entry's Markdown as HTML that is safe to show. Raw HTML in the text is escaped, and links,
// images and autolinks are not parsed at all: an entry can never load anything from the network
// or navigate the window away from the app. DOMPurify then keeps only the tags this parser can
// produce, so a parser bug cannot smuggle markup through either.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true }).disable([
  'link',
  'image',
  'autolink',
  'reference',
  'html_inline',
  'html_block',
]);

const ALLOWED_TAGS = [
  'p', 'br', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'hr',
  'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/** The parser's output alone; already escaped, exported so its rules can be tested without a DOM. */
export function markdownToHtml(text: string): string {
  return parser.render(text);
}

export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(markdownToHtml(text), { ALLOWED_TAGS, ALLOWED_ATTR: ['start'] });
}
