/**
 * Builds the Microsoft Teams app package for Tally: `manifest.json` from `teams/manifest.template.json`,
 * `color.png` (192×192) and `outline.png` (32×32, white on transparent) rendered from the SVGs beside
 * it, zipped at the root. The manifest is checked against the schema that `@microsoft/app-manifest`
 * ships before anything is written.
 *
 * @example
 * npm run teams:package -- --app-id 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b --host tally.example.com
 */
import { Resvg } from '@resvg/resvg-js';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { strToU8, zipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDotEnv, ROOT } from '../config.ts';
import { flag, parseArgs } from './args.ts';

export const TEAMS_DIR = join(ROOT, 'teams');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** Fixed, so the same inputs always make the same zip. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');
const ICONS = {
  color: { file: 'color.svg', size: 192 },
  outline: { file: 'outline.svg', size: 32 },
} as const;

/** Something the operator must fix; said in words, without a stack. */
export class PackageError extends Error {
  override name = 'PackageError';
}

export interface PackageOptions {
  /** The bot's Microsoft App ID (Azure Bot registration); also the Teams app's id. */
  appId: string;
  name: string;
  /** Where Tally is served (host[:port]): the bot's own pages and its chart images. */
  host: string;
  out: string;
  /** The package's version, three numbers. */
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

export const USAGE =
  'Usage: npm run teams:package -- --app-id <GUID> [--host bot.example.com] [--name Tally] [--out dist/teams/tally.zip]\n' +
  '       [--version 1.0.0] [--developer NAME] [--website-url URL] [--privacy-url URL] [--terms-url URL]\n' +
  '--app-id defaults to MicrosoftAppId and --host to the host of TALLY_PUBLIC_URL.\n';

/** The options from the command line, with defaults from the environment; refuses what Teams would. */
export function packageOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): PackageOptions {
  const { flags } = parseArgs(argv);
  const appId = (flag(flags, 'app-id') ?? env.MicrosoftAppId ?? '').trim();
  if (!appId) throw new PackageError("Give the bot's Microsoft App ID: --app-id <GUID>.");
  if (!GUID.test(appId)) {
    throw new PackageError(
      `--app-id must be the bot's Microsoft App ID, a GUID like 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b; got "${appId}".`,
    );
  }
  const given = flag(flags, 'host') ?? env.TALLY_PUBLIC_URL;
  if (!given?.trim()) {
    throw new PackageError(
      'Say where Tally is served, for its chart images: --host bot.example.com (or set TALLY_PUBLIC_URL).',
    );
  }
  const host = hostOf(given.trim());
  const name = flag(flags, 'name') ?? 'Tally';
  const version = flag(flags, 'version') ?? projectVersion();
  // Teams compares versions as three numbers and wants a higher one for each upload of a changed package.
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new PackageError(`--version must be three numbers like 1.0.0; got "${version}".`);
  }
  return {
    appId,
    name,
    host,
    out: resolve(flag(flags, 'out') ?? join('dist', 'teams', 'tally.zip')),
    version,
    developerName: flag(flags, 'developer') ?? name,
    websiteUrl: flag(flags, 'website-url') ?? `https://${host}/`,
    privacyUrl: flag(flags, 'privacy-url') ?? `https://${host}/privacy`,
    termsUrl: flag(flags, 'terms-url') ?? `https://${host}/terms`,
  };
}

/** `bot.example.com`, `bot.example.com:8443` or `https://bot.example.com/` → the host Teams lists. */
function hostOf(given: string): string {
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `https://${given}`);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    url.protocol !== 'https:' ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    !/^\/?$/.test(url.pathname)
  ) {
    throw new PackageError(
      `--host must be the host name Tally is served on over https, like bot.example.com; got "${given}".`,
    );
  }
  return url.host;
}

function projectVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The manifest: the template with every `{{placeholder}}` in its strings filled in. */
export function buildManifest(
  options: PackageOptions,
  templateFile = join(TEAMS_DIR, 'manifest.template.json'),
): TeamsAppManifest {
  const values: Record<string, string> = {
    appId: options.appId,
    name: options.name,
    host: options.host,
    version: options.version,
    developerName: options.developerName,
    websiteUrl: options.websiteUrl,
    privacyUrl: options.privacyUrl,
    termsUrl: options.termsUrl,
  };
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\{\{(\w+)\}\}/g, (_all, key: string) => {
        const filled = values[key];
        if (filled === undefined)
          throw new PackageError(`${relative(ROOT, templateFile)} names an unknown placeholder {{${key}}}.`);
        return filled;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return fill(JSON.parse(readFileSync(templateFile, 'utf8'))) as TeamsAppManifest;
}

/** The schema `@microsoft/app-manifest` ships for the manifest's own `manifestVersion`. */
export function schemaFile(manifestVersion: string): string {
  const base = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  return join(base, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/** What is wrong with the manifest against its schema (ajv, as the Teams toolkit runs it); empty when nothing. */
export async function manifestProblems(manifest: TeamsAppManifest): Promise<string[]> {
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(schemaFile(manifest.manifestVersion), 'utf8'));
  } catch {
    return [`manifestVersion "${manifest.manifestVersion}" has no schema in @microsoft/app-manifest`];
  }
  return ManifestUtil.validateManifestAgainstSchema(
    manifest,
    schema as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1],
  );
}

/** Renders one icon at the size Teams requires, and checks it came out at that size. */
function renderIcon(which: keyof typeof ICONS): Uint8Array {
  const { file, size } = ICONS[which];
  const svg = readFileSync(join(TEAMS_DIR, file), 'utf8');
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new PackageError(
      `teams/${file} must be square: it renders ${image.width}×${image.height}, Teams needs ${size}×${size}.`,
    );
  }
  if (which === 'outline') {
    const pixels = image.pixels;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3] ?? 0;
      if (alpha === 0) transparent++;
      // resvg's pixels are premultiplied: white at any opacity has red, green and blue equal to its alpha.
      else if ([0, 1, 2].some((c) => Math.abs((pixels[i + c] ?? 0) - alpha) > 2)) {
        throw new PackageError(
          `teams/${file} must be white on transparent (Teams shows it tinted); it has a coloured pixel.`,
        );
      }
    }
    if (transparent === 0) throw new PackageError(`teams/${file} must have a transparent background.`);
  }
  return image.asPng();
}

/** Builds, validates and writes the package; returns the manifest that went into it. */
export async function buildTeamsPackage(options: PackageOptions): Promise<TeamsAppManifest> {
  const manifest = buildManifest(options);
  const problems = await manifestProblems(manifest);
  if (problems.length) {
    throw new PackageError(
      `The Teams manifest does not match the v${manifest.manifestVersion} schema; nothing was written:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
  const zip = zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': renderIcon('color'),
      'outline.png': renderIcon('outline'),
    },
    { level: 9, mtime: ZIP_TIME },
  );
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, zip);
  return manifest;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  await loadDotEnv();
  try {
    const options = packageOptions(argv);
    const manifest = await buildTeamsPackage(options);
    process.stdout.write(
      `Wrote ${relative(process.cwd(), options.out) || options.out}: "${options.name}" ${manifest.version}, manifest v${manifest.manifestVersion}, ` +
        `bot ${options.appId}, valid domain ${options.host}.\n` +
        'In Teams: Apps → Manage your apps → Upload an app → Upload a custom app, and choose this file.\n',
    );
    return 0;
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    process.stderr.write(`${err.message}\n${err.message.startsWith('The Teams manifest') ? '' : USAGE}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
