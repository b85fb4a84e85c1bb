/**
 * A zip writer for test workbooks, by hand so it writes what a zip library will not: the same
 * name twice, an encrypted flag on a plain part, sizes that lie, zip64 sizes, a truncated
 * deflate stream, and parts that inflate to hundreds of MB from a few kB. For the last, a piece
 * marked `repeat` is deflated once as a self-contained segment (flushed, no reference outside
 * itself) and the segment written `times` times: the inflater sees one valid stream, and
 * generating a 195-MB shared-strings part takes milliseconds instead of deflating 195 MB.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type Piece = string | Buffer | { repeat: string | Buffer; times: number };

export type ZipPart = {
  name: string;
  pieces: Piece[];
  /** Deflate (default) or store. */
  method?: 'deflate' | 'store';
  /** Sets the "encrypted" flag (bit 0) without encrypting. */
  encrypted?: boolean;
  /** The uncompressed size written in the headers instead of the real one. */
  declaredSize?: number;
  /** Writes the uncompressed size as zip64 (0xFFFFFFFF and an extra field) with this value. */
  zip64Size?: number;
  /** Drops this many bytes from the end of the packed data (a damaged tail). */
  cutBytes?: number;
};

const buf = (p: string | Buffer) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p);
const segment = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
/** An empty final block: ends a stream of flushed segments. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** The packed data, CRC-32 and uncompressed size of a part. */
function pack(part: ZipPart): { data: Buffer; crc: number; size: number } {
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  let pending: Buffer[] = [];
  const store = part.method === 'store';
  const flushPending = () => {
    if (!pending.length) return;
    const data = Buffer.concat(pending);
    pending = [];
    out.push(store ? data : segment(data));
  };
  for (const piece of part.pieces) {
    if (typeof piece === 'string' || Buffer.isBuffer(piece)) {
      const data = buf(piece);
      crc = crc32(data, crc);
      size += data.length;
      pending.push(data);
      continue;
    }
    flushPending();
    const data = buf(piece.repeat);
    const packed = store ? data : segment(data);
    for (let i = 0; i < piece.times; i++) {
      crc = crc32(data, crc);
      size += data.length;
      out.push(packed);
    }
  }
  flushPending();
  if (!store) out.push(FINAL_BLOCK);
  let data = Buffer.concat(out);
  if (part.cutBytes) data = data.subarray(0, data.length - part.cutBytes);
  return { data, crc, size };
}

/** The zip of these parts, in this order. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = pack(part);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    let extra = Buffer.alloc(0);
    let usize = declared;
    if (part.zip64Size !== undefined) {
      extra = Buffer.alloc(12);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(part.zip64Size), 4);
      usize = 0xffffffff;
    }
    const flags = 0x0800 | (part.encrypted ? 0x0001 : 0);
    const method = part.method === 'store' ? 0 : 8;
    const version = part.zip64Size !== undefined ? 45 : 20;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(version, 4);
    central.writeUInt16LE(version, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, data);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
