/** Tells statement formats apart by their content; file names are never consulted. */
import type { StatementFormat } from '../types.ts';

/**
 * Names the format of decoded statement text, or undefined when nothing matches. CSV is the
 * fallback for any text that is not one of the structured formats.
 */
export function detectFormat(text: string): StatementFormat | undefined {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start === '') return undefined;
  if (/OFXHEADER\s*[:=]/i.test(head) || /<OFX>/i.test(head) || /^<OFC>/i.test(start)) return 'ofx';
  if (/^<\?xml|^<Document/i.test(start)) {
    return /BkToCstmr|camt\.05\d/.test(head) ? 'camt053' : undefined;
  }
  if (/^!(Type|Account|Option|Clear)\b/i.test(start)) return 'qif';
  if (/(^|\n|\{4:\s*\r?\n?):20:/.test(head) && /(^|\n):(25|60[FM]|61):/.test(head)) return 'mt940';
  return 'csv';
}
