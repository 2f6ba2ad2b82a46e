// Feelings and tags are typed as one line of comma-separated words; the core trims, lowercases
// and removes duplicates, so this only splits.
export const splitWords = (line: string): string[] =>
  line.split(',').map((word) => word.trim()).filter((word) => word !== '');

export const joinWords = (words: string[]): string => words.join(', ');
