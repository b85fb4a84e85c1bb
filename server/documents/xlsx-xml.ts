/**
 * One part of an .xlsx, inflated and parsed as it streams (yauzl → saxes), with the budgets a SAX
 * parser does not have of its own. saxes holds a whole text, tag or comment in memory until it
 * ends, keeps every open element on a stack, and would take a DTD: a part of one 150-MB text, of
 * a million nested elements or of a DOCTYPE would be parsed at the cost of the server's memory.
 * Here the parser gets the inflated bytes in pieces of at most 64 KiB and, after each piece,
 * the characters since its last event (the piece of XML it is holding) must stay within
 * XLSX_LIMITS.xmlChars; elements nest at most XLSX_LIMITS.xmlDepth deep; a DOCTYPE is refused
 * (OOXML parts have none, ECMA-376 Part 2 §8.1.4). saxes expands no entity of a DTD anyway.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../errors.js';
import { partKey, XLSX_LIMITS, xlsxRefusal, type XlsxZip } from './xlsx-limits.js';

export type XmlHandlers = {
  open?: (tag: SaxesTagPlain) => void;
  /** Character data (CDATA sections included), in as many calls as the parser likes. */
  text?: (text: string) => void;
  close?: (tag: SaxesTagPlain) => void;
};

const PIECE_BYTES = 64 * 1024;

/** `x:sheet` → `sheet`. */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export const attr = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name];

/** An attribute by its local name, whatever its prefix (`r:id` usually). */
export function prefixedAttr(tag: SaxesTagPlain, name: string): string | undefined {
  for (const k in tag.attributes) if (localName(k) === name) return tag.attributes[k];
  return undefined;
}

function openPart(zip: XlsxZip, name: string): Promise<Readable> {
  const entry = zip.parts.get(partKey(name));
  if (!entry) return Promise.reject(xlsxRefusal('missing_part', `The workbook has no part ${name}`, { part: name }));
  return new Promise((resolve, reject) =>
    zip.file.openReadStream(entry, (err, stream) => (err || !stream ? reject(xlsxRefusal('damaged_zip', `The part ${name} cannot be read`, { part: name })) : resolve(stream))),
  );
}

/**
 * Streams the part `name` through a SAX parser, yielding after each inflated chunk so the caller
 * can hand on what the chunk completed. Refusals: `missing_part`, `damaged_zip` (the part does
 * not inflate to its declared size), `invalid_xml`, `xml_too_long`, `xml_too_deep`, and whatever
 * AppError a handler throws.
 */
export async function* xmlPart(zip: XlsxZip, name: string, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // Five events only: saxes stores each handler as a property of the parser, and from eight on V8
  // turns the parser into a dictionary-mode object that reads ~3× slower. A comment or processing
  // instruction has no handler: its characters count toward the next event's, still bounded.
  let depth = 0;
  let mark = 0;
  const seen = () => {
    mark = parser.position;
  };
  parser.on('opentag', (tag) => {
    seen();
    if (++depth > XLSX_LIMITS.xmlDepth) throw xlsxRefusal('xml_too_deep', `The part ${name} nests elements more than ${XLSX_LIMITS.xmlDepth} deep`, { part: name, limit: XLSX_LIMITS.xmlDepth });
    handlers.open?.(tag);
  });
  parser.on('closetag', (tag) => {
    seen();
    depth--;
    handlers.close?.(tag);
  });
  parser.on('text', (t) => {
    seen();
    handlers.text?.(t);
  });
  parser.on('cdata', (t) => {
    seen();
    handlers.text?.(t);
  });
  parser.on('doctype', () => {
    throw xlsxRefusal('invalid_xml', `The part ${name} declares a DTD`, { part: name });
  });

  let written = 0;
  const feed = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw xlsxRefusal('invalid_xml', `The part ${name} is not valid XML`, { part: name });
    }
    if (text && (written += text.length) - mark > XLSX_LIMITS.xmlChars) {
      throw xlsxRefusal('xml_too_long', `The part ${name} holds a piece of XML longer than ${XLSX_LIMITS.xmlChars} characters`, { part: name, limit: XLSX_LIMITS.xmlChars });
    }
  };

  const stream = await openPart(zip, name);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; at += PIECE_BYTES) feed(decoder.write(chunk.subarray(at, at + PIECE_BYTES)));
      yield;
    }
    feed(decoder.end());
    feed(null);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Not the parser (feed turns its errors into AppErrors): the stream — inflating failed, or the
    // part inflated to more or less than the central directory said.
    throw xlsxRefusal('damaged_zip', `The part ${name} is damaged`, { part: name });
  } finally {
    stream.destroy();
  }
}

/** Reads a whole part through the parser (for the small ones, whose handlers keep what they need). */
export async function readXmlPart(zip: XlsxZip, name: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of xmlPart(zip, name, handlers));
}
