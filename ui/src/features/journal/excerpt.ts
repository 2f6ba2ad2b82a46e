// The start of what the user wrote, for a card in the timeline: a template's questions are
// headings and its notes are quotes, so both are left out, as are Markdown's marks.
export function excerpt(body: string, length = 160): string {
  const written = body
    .split('\n')
    .filter((line) => !/^\s*(#|>)/.test(line))
    .join(' ')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return written.length > length ? `${written.slice(0, length)}…` : written;
}
