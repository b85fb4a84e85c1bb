/**
 * Reading a DOCX back as offices do: LibreOffice converts it to PDF, poppler's `pdftotext` reads
 * the PDF's text. Many offices open danvan's documents with LibreOffice; a file it cannot lay out
 * is a file they cannot print. Where LibreOffice is not installed (a developer's machine) the tests
 * using this skip; `.ci/run` installs it, so CI always runs them. Without poppler-utils only the
 * PDF is checked (`text` is undefined).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const onPath = (name: string) => (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)).find((p) => existsSync(p));

export const office = onPath('libreoffice') ?? onPath('soffice');
export const pdftotext = onPath('pdftotext');

export type ReadBack = { pdf: Buffer; text: string | undefined };

/** The DOCX converted to PDF and its text (`layout` keeps columns and page breaks, `\f`). */
export async function readBackDocx(docx: Uint8Array, options: { layout?: boolean } = {}): Promise<ReadBack> {
  if (!office) throw new Error('LibreOffice is not installed: skip the test with it.skipIf(!office)');
  const dir = await mkdtemp(path.join(tmpdir(), 'danvan-readback-'));
  try {
    const file = path.join(dir, 'document.docx');
    await writeFile(file, docx);
    // A profile of its own, so parallel runs and a running LibreOffice do not collide.
    await exec(office, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    const pdf = await readFile(path.join(dir, 'document.pdf'));
    if (!pdftotext) return { pdf, text: undefined };
    await exec(pdftotext, [...(options.layout ? ['-layout'] : []), path.join(dir, 'document.pdf'), path.join(dir, 'document.txt')]);
    return { pdf, text: await readFile(path.join(dir, 'document.txt'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whitespace folded to single spaces, as assertions on running text want it. */
export const folded = (text: string) => text.replace(/\s+/g, ' ');
