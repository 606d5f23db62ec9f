/**
 * How large an .xlsx file is once unpacked, read from its zip central directory without unpacking anything:
 * a small file can unpack to gigabytes (a "zip bomb", or simply a huge sheet compressed well), and exceljs holds
 * the whole workbook in memory, so a workbook is measured before exceljs is given it.
 */
import fs from "node:fs";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Sum of the entries' uncompressed sizes in bytes; Infinity for a Zip64 archive; null when it is not a zip. */
export function unpackedSize(file: string): number | null {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 65 535.
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || dirOffset === 0xffffffff) return Infinity;
    if (dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    fs.readSync(fd, dir, 0, dirSize, dirOffset);
    let total = 0;
    for (let p = 0, n = 0; n < entries; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) return null;
      const unpacked = dir.readUInt32LE(p + 24);
      if (unpacked === 0xffffffff) return Infinity;
      total += unpacked;
      p += 46 + dir.readUInt16LE(p + 28) + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return total;
  } finally {
    fs.closeSync(fd);
  }
}
