/**
 * Which font files the rasteriser loads.
 *
 * resvg draws nothing for `<text>` when it finds no font, and a server or container often has no fonts
 * installed at all. So DejaVu Sans ships beside this module (fonts/, Bitstream Vera licence) and is used
 * first: charts then look the same on every machine and need neither network nor system fonts.
 * Loading one named file is also faster than scanning the system font directories on every render.
 * Well-known system fonts are the fallback for a build that dropped the bundled file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The family every chart asks for; matches the bundled file. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const BUNDLED = [fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url))];

const SYSTEM_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/noto/NotoSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

export interface ChartFonts {
  /** Files to hand to resvg; empty when none was found. */
  files: string[];
  /** True when no file was found and resvg must scan the system itself (slow, may find nothing). */
  scanSystem: boolean;
}

let cached: ChartFonts | undefined;

/** Finds the font files once per process; the answer cannot change while the process runs. */
export function chartFonts(): ChartFonts {
  if (cached) return cached;
  const bundled = BUNDLED.filter((f) => existsSync(f));
  const files = bundled.length > 0 ? bundled : SYSTEM_CANDIDATES.filter((f) => existsSync(f)).slice(0, 1);
  cached = { files, scanSystem: files.length === 0 };
  return cached;
}
