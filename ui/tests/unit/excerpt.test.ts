import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/features/journal/excerpt';

describe('a timeline card excerpt', () => {
  it('shows what the user wrote, not the template around it', () => {
    const body = '> What others shared stays in the room.\n\n### What did I hear?\n\nThat **slow** progress is still progress.\n\n### What did I share?\n\n';
    expect(excerpt(body), 'questions and the template note are not what the user wants to recognise an entry by').toBe('That slow progress is still progress.');
  });

  it('cuts long text and says so', () => {
    expect(excerpt('word '.repeat(100), 20), 'an ellipsis marks the cut').toBe('word word word word …');
  });
});
