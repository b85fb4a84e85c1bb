/**
 * Excel in and out: the import template, the all-or-nothing import and its annotated error
 * report, and the .xlsx / .csv exports of the list.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { EntryListQuery, IMPORT_LIMITS, ImportResult } from '../../../common/entries.js';
import { messageLang } from '../../documents/import-messages.js';
import { xlsxRefusal } from '../../documents/xlsx-limits.js';
import { AppError, validation } from '../../errors.js';
import { actorOf, type App } from '../../http/context.js';
import { invalidCharacter, isStorableText } from '../../http/text-guard.js';
import { entriesCsvStream, entriesXlsxStream } from '../../documents/entries-export.js';
import { prepareEntriesExport } from './entries-export.service.js';
import { annotateImport, entriesTemplate, importEntries } from './entries-import.service.js';

const tags = ['entries'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tooLarge = () => xlsxRefusal('file_too_large', `The file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB`, { limit: IMPORT_LIMITS.fileBytes });

/** The uploaded workbook (field `file`) and the optional `lang` field; refuses an oversized upload without reading it all. */
async function readUpload(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string; lang?: string }> {
  // Multipart framing adds a little; anything much larger than the limit is refused before reading.
  if (Number(request.headers['content-length'] ?? 0) > IMPORT_LIMITS.fileBytes + 64 * 1024) throw tooLarge();
  if (!request.isMultipart()) throw validation('Send the workbook as multipart/form-data in the field "file"');
  let file: { buffer: Buffer; fileName: string } | undefined;
  let lang: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { buffer: await part.toBuffer(), fileName: part.filename };
      } else if (part.fieldname === 'lang' && typeof part.value === 'string') lang = part.value;
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (err instanceof AppError) throw err;
    throw validation(`The upload could not be read: ${(err as Error).message}`);
  }
  if (!file) throw validation('No file in the field "file"');
  // The file name goes into the audit record (jsonb): the text guard's rule, for this multipart body.
  if (!isStorableText(file.fileName)) throw invalidCharacter('body.file');
  return { ...file, lang };
}

export async function entryExcelRoutes(app: App): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 10, parts: 20 } });

  app.get(
    '/api/entries/import-template.xlsx',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'The Excel template for importing entries (Vietnamese, with drop-down lists and instructions)' } },
    async (request, reply) => {
      const buffer = await entriesTemplate(app.ctx, actorOf(request));
      return reply.type(XLSX).header('content-disposition', 'attachment; filename="mau-dang-ky-dan-van-kheo.xlsx"').send(buffer);
    },
  );

  app.post(
    '/api/entries/import',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'Import entries from the template (multipart field `file`): all rows or none',
        description:
          'Every row valid: all are written as drafts in one transaction → { created, updated, unchanged, rows }. ' +
          'Otherwise nothing is written: 422 IMPORT_INVALID (403 FORBIDDEN when a row names a unit outside your scope) with details { errors: [{ row, column, cell, code, message, params }], total }. ' +
          'A file that is not a workbook Excel could have written (415 UNSUPPORTED_FILE) or one beyond the limits (413 FILE_TOO_LARGE: 20 MB, 100,000 rows, …) is refused before anything is written, with details { reason, limit?, part? } (docs/entries-excel.md).',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return importEntries(app.ctx, actorOf(request), upload.buffer, { fileName: upload.fileName, lang: messageLang(upload.lang, request.headers['accept-language']) });
    },
  );

  app.post(
    '/api/entries/import/annotate',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'The error report of an import: the same workbook with problems highlighted (writes nothing)',
        description: 'Messages in the `lang` field\'s language or Accept-Language (Vietnamese or English). The header x-import-errors holds the number of problems.',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const report = await annotateImport(app.ctx, actorOf(request), upload.buffer, messageLang(upload.lang, request.headers['accept-language']));
      return reply
        .type(XLSX)
        .header('x-import-errors', String(report.errors))
        .header('content-disposition', 'attachment; filename="bao-cao-loi.xlsx"')
        .send(report.workbook);
    },
  );

  app.get(
    '/api/entries/export.xlsx',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The entries matching the list filters, as an Excel workbook', querystring: EntryListQuery } },
    async (request, reply) => {
      const prepared = await prepareEntriesExport(app.ctx, actorOf(request), request.query);
      return reply
        .type(XLSX)
        .header('x-total-count', String(prepared.total))
        .header('content-disposition', 'attachment; filename="dan-van-kheo.xlsx"')
        .send(entriesXlsxStream(prepared.rows));
    },
  );

  app.get(
    '/api/entries/export.csv',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The entries matching the list filters, as CSV (UTF-8 with BOM)', querystring: EntryListQuery } },
    async (request, reply) => {
      const prepared = await prepareEntriesExport(app.ctx, actorOf(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('x-total-count', String(prepared.total))
        .header('content-disposition', 'attachment; filename="dan-van-kheo.csv"')
        .send(entriesCsvStream(prepared.rows));
    },
  );
}
