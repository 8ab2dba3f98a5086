import { basename, dirname } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { readContained } from '../files/contained.js';
import { findLocalImages, vetUntrustedImages, type DroppedImage } from './images.js';
import { readSections, type Section } from '../section/section.js';

/** A section with what is needed to publish its images: where its relative paths start. */
export interface LoadedSection {
  section: Section;
  baseDir: string;
  images: Array<{ ref: string; path: string }>;
  /**
   * Written outside this job's control (a report bundle from another run, possibly a fork's):
   * shown as data: its mentions broken, its raw HTML shown as text, its images checked and capped,
   * its statuses never the verdict.
   */
  untrusted?: boolean;
  /** Images of an untrusted section that will not be published, and why (see vetUntrustedImages). */
  dropped?: DroppedImage[];
}

/**
 * Everything a report is made of: the sections mlci actions left in the report directory, and
 * markdown files the user wrote (the way people used `cml comment create report.md`), which
 * become sections of their own, in the order given, after the actions' sections.
 */
export async function loadReport(o: { reportDir: string; markdownFiles: string[]; untrusted?: boolean }): Promise<LoadedSection[]> {
  const loaded: LoadedSection[] = [];
  for (const section of await readSections(o.reportDir)) {
    loaded.push({ section, baseDir: o.reportDir, images: findLocalImages(section.markdown, o.reportDir), untrusted: o.untrusted });
  }
  let n = o.untrusted ? 100 : 0; // ids stay distinct when a bundle's and the job's files are combined
  for (const file of o.markdownFiles) {
    let markdown: string;
    try {
      markdown = await readContained(file, { input: 'markdown' }, 'utf8');
    } catch (e) {
      if (isUserError(e)) throw new UserError(e.message, { input: 'markdown', file });
      throw new UserError(`input "markdown": cannot read "${file}": ${(e as Error).message}`, { input: 'markdown', file });
    }
    if (markdown.includes('\u0000')) {
      throw new UserError(`input "markdown": "${file}" is not a text file`, { input: 'markdown', file });
    }
    const baseDir = dirname(file);
    loaded.push({
      section: {
        schema: 'mlci/section@1',
        action: 'markdown',
        id: `markdown-${++n}`,
        stage: 'other',
        title: '',
        status: 'info',
        summary: basename(file),
        markdown,
        created: new Date(0).toISOString(),
      },
      baseDir,
      images: findLocalImages(markdown, baseDir),
      untrusted: o.untrusted,
    });
  }
  if (o.untrusted) {
    // Checked here, before anything is published: the write token must never commit what the
    // bundle points at outside itself, nor bytes that are not pictures, nor unbounded amounts.
    const vetted = await vetUntrustedImages(
      loaded.map((l) => l.images),
      o.reportDir,
    );
    loaded.forEach((l, i) => {
      l.images = vetted.kept[i];
      l.dropped = vetted.dropped[i];
    });
  }
  return loaded;
}
