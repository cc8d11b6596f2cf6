/** Turns statement bytes into text, honouring what the file declares about its own encoding. */
import { isUtf8 as isUtf8Native } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding that was used, as iconv-lite names it. */
  encoding: string;
}

/** Maps the names files use (OFX CHARSET numbers, XML encoding names) to iconv-lite names. */
function normaliseCharset(name: string): string | undefined {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (n === '' || n === 'none') return undefined;
  if (/^(utf-?8|unicode)$/.test(n)) return 'utf8';
  if (/^(us-?ascii|ascii)$/.test(n)) return undefined;
  if (/^(1252|cp1252|windows-?1252)$/.test(n)) return 'win1252';
  if (/^(8859-1|iso-?8859-1|latin-?1|iso_8859-1)$/.test(n)) return 'win1252';
  if (/^\d{3,4}$/.test(n) && iconv.encodingExists(`cp${n}`)) return `cp${n}`;
  return iconv.encodingExists(n) ? n : undefined;
}

/** Reads the charset an OFX 1.x header, an XML declaration or an OFC CPAGE element declares. */
function declaredCharset(head: string): string | undefined {
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return normaliseCharset(xml[1]);
  const encoding = /^\s*ENCODING:\s*(\S+)/im.exec(head)?.[1];
  const charset = /^\s*CHARSET:\s*(\S+)/im.exec(head)?.[1];
  if (encoding && /utf-?8/i.test(encoding)) return 'utf8';
  if (charset) return normaliseCharset(charset);
  const cpage = /<CPAGE>\s*(\d+)/i.exec(head)?.[1];
  return cpage ? normaliseCharset(cpage) : undefined;
}

function isUtf8(bytes: Buffer): boolean {
  return isUtf8Native(bytes);
}

/**
 * Decodes statement bytes. A byte-order mark wins; then valid UTF-8 (banks that declare cp1252 but
 * write plain ASCII are unaffected, and UTF-8 text under a stale cp1252 header is still read right);
 * then the declared charset; then a statistical guess. ISO-8859-1 is read as windows-1252, its
 * superset, because banks that say latin-1 routinely write € and curly quotes from cp1252.
 */
export function decodeStatement(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'utf16be' };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf8' };
  const declared = declaredCharset(bytes.subarray(0, 4096).toString('latin1'));
  if (declared && declared !== 'utf8') return { text: iconv.decode(bytes, declared), encoding: declared };
  const guess = chardet.analyse(bytes).find((m) => m.confidence >= 15 && m.name !== 'UTF-8');
  const encoding = guess ? (normaliseCharset(guess.name) ?? 'win1252') : 'win1252';
  return { text: iconv.decode(bytes, encoding), encoding };
}
