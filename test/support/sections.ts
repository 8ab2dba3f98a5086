import { SECTION_SCHEMA, type Section } from '@mlci/core/section';

/**
 * A report section as an mlci action writes it, for tests that make their own: what a test leaves
 * out is a plain default (a passing `test` section titled by its id, with nothing in it).
 */
export function testSection(p: Partial<Section> & { id: string }): Section {
  return {
    schema: SECTION_SCHEMA,
    action: 'test',
    stage: 'other',
    title: p.id,
    status: 'pass',
    summary: '',
    markdown: '',
    created: '2024-05-01T00:00:00.000Z',
    ...p,
  };
}

/**
 * The same as the JSON of a `<id>.section.json` file. Its fields are not checked: a bundle from
 * another run may say anything, and the tests of what comment-report makes of that need to write it.
 */
export function sectionFile(p: { id: string } & Record<string, unknown>): string {
  return JSON.stringify(testSection(p as Partial<Section> & { id: string }));
}
