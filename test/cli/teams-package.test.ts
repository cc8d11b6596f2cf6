/**
 * `npm run teams:package`: the zip it writes (manifest valid against the schema, checked here on its own,
 * icons of the sizes and kinds Teams requires), and what it refuses.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, unzlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage, PackageError, packageOptions, schemaFile } from '../../src/cli/teams-package.ts';
import { ROOT } from '../../src/config.ts';
import { realUnderstanding } from '../helpers/chat.ts';
import { tempDbFile } from '../helpers/store.ts';

const APP_ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const run = promisify(execFile);
/** The environment without the variables the packager would take defaults from. */
const { MicrosoftAppId: _id, TALLY_PUBLIC_URL: _url, ...ENV } = process.env;

function packager(args: string[]) {
  return run(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/teams-package.ts', ...args], {
    cwd: ROOT,
    env: ENV,
  });
}

/** Validates against a schema with ajv on its own (the draft-04 build `@microsoft/app-manifest` brings). */
function schemaValidator(file: string): (data: unknown) => string[] {
  const fromManifestPackage = createRequire(
    createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'),
  );
  type Validate = ((data: unknown) => boolean) & {
    errors?: { instancePath: string; message?: string }[] | null;
  };
  const Ajv = fromManifestPackage('ajv-draft-04') as new (options: object) => {
    addFormat(name: string, check: (value: string) => boolean): void;
    compile(schema: object): Validate;
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value) => URL.canParse(value));
  ajv.addFormat('email', (value) => /^[^\s@]+@[^\s@]+$/.test(value));
  ajv.addFormat('regex', (value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  });
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  return (data) =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** Straight RGBA, row by row (8-bit truecolour with alpha only). */
  rgba: Uint8Array;
}

/** Reads a PNG's header and, for 8-bit RGBA, its pixels (undoing each row's filter). */
function readPng(bytes: Uint8Array): Png {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect(data[8], 'bit depth').toBe(8);
      colorType = data[9] ?? -1;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (colorType !== 6) return { width, height, colorType, rgba: new Uint8Array() };
  const packed = unzlibSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = packed[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const raw = packed[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const corner = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = left + up - corner;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter ?? 0] ?? 0;
      rgba[y * stride + x] = (raw + predictor) & 0xff;
    }
  }
  return { width, height, colorType, rgba };
}

describe('npm run teams:package', () => {
  const temp = tempDbFile('tally-teams-');
  const out = join(temp.dir, 'tally.zip');
  let files: Record<string, Uint8Array>;
  let manifest: Record<string, unknown> & { bots: Record<string, unknown>[] };

  beforeAll(async () => {
    const { stdout } = await packager(['--app-id', APP_ID, '--host', 'tally.example.com', '--out', out]);
    expect(stdout).toContain('tally.zip');
    files = unzipSync(readFileSync(out));
    manifest = JSON.parse(Buffer.from(files['manifest.json'] ?? []).toString('utf8')) as typeof manifest;
  }, 60_000);
  afterAll(() => temp.remove());

  it('zips manifest.json and the two icons at the root of the package', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('writes a manifest the Teams schema accepts, checked here again with ajv', () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    const problems = schemaValidator(schemaFile(String(manifest.manifestVersion)));
    expect(problems(manifest)).toEqual([]);
    // The check can fail: the same manifest with a bot id that is not a GUID does not pass.
    expect(problems({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'tally' }] })).not.toEqual([]);
  });

  it('declares the bot: its id, where people can add it, files in the personal chat, example questions', () => {
    expect(manifest.id).toBe(APP_ID);
    const [bot] = manifest.bots;
    expect(manifest.bots).toHaveLength(1);
    expect(bot).toMatchObject({ botId: APP_ID, supportsFiles: true, isNotificationOnly: false });
    expect(bot?.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    const lists = bot?.commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(lists.find((l) => l.scopes.includes('personal'))?.commands.length).toBeGreaterThanOrEqual(3);
    expect(manifest.webApplicationInfo).toBeUndefined();
  });

  it('lists the host as a valid domain, where the chart images are served', () => {
    expect(manifest.validDomains).toEqual(['tally.example.com']);
    expect(manifest.developer).toEqual({
      name: 'Tally',
      websiteUrl: 'https://tally.example.com/',
      privacyUrl: 'https://tally.example.com/privacy',
      termsOfUseUrl: 'https://tally.example.com/terms',
    });
  });

  it('has a 192×192 colour icon and a 32×32 outline that is white on transparent', () => {
    const color = readPng(files['color.png'] ?? new Uint8Array());
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(files['outline.png'] ?? new Uint8Array());
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let clear = 0;
    let solid = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      if (a === 0) clear++;
      else {
        expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
        if (a === 255) solid++;
      }
    }
    expect(clear).toBeGreaterThan(32 * 32 * 0.4);
    expect(solid).toBeGreaterThan(32 * 4);
  });

  it('suggests example questions Tally understands', async () => {
    const understanding = await realUnderstanding();
    const personal = (
      manifest.bots[0]?.commandLists as { scopes: string[]; commands: { title: string }[] }[]
    )[0];
    for (const { title } of personal?.commands ?? []) {
      const frame = understanding.understand(title, '2026-03-10', { accounts: [], merchants: [] });
      expect(frame.intent, title).not.toBe('none');
    }
  }, 30_000);

  it('refuses an app id that is not a GUID, and writes nothing', async () => {
    const bad = join(temp.dir, 'bad.zip');
    const failed = await packager([
      '--app-id',
      'tally-bot',
      '--host',
      'tally.example.com',
      '--out',
      bad,
    ]).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("must be the bot's Microsoft App ID, a GUID");
    expect(existsSync(bad)).toBe(false);
  }, 60_000);
});

describe('packageOptions and buildTeamsPackage', () => {
  it('takes the app id from MicrosoftAppId and the host from TALLY_PUBLIC_URL', () => {
    const options = packageOptions([], {
      MicrosoftAppId: APP_ID,
      TALLY_PUBLIC_URL: 'https://tally.example.org/',
    });
    expect(options).toMatchObject({
      appId: APP_ID,
      host: 'tally.example.org',
      name: 'Tally',
      websiteUrl: 'https://tally.example.org/',
    });
  });

  it.each([
    [
      'an app id that is not a GUID',
      ['--app-id', '6f1c2a9e-3b4d-4e5f-8a7b', '--host', 'a.example.com'],
      /GUID/,
    ],
    ['no app id', ['--host', 'a.example.com'], /--app-id/],
    ['no host', ['--app-id', APP_ID], /--host/],
    ['a host over plain http', ['--app-id', APP_ID, '--host', 'http://a.example.com'], /https/],
    ['a host with a path', ['--app-id', APP_ID, '--host', 'a.example.com/bot'], /host name/],
    [
      'a version Teams cannot compare',
      ['--app-id', APP_ID, '--host', 'a.example.com', '--version', '1.0'],
      /three numbers/,
    ],
  ])('refuses %s', (_what, argv, message) => {
    expect(() => packageOptions(argv, {})).toThrow(PackageError);
    expect(() => packageOptions(argv, {})).toThrow(message);
  });

  it('lists what is wrong when the manifest breaks the schema, and writes nothing', async () => {
    const temp = tempDbFile('tally-teams-');
    try {
      const out = join(temp.dir, 'tally.zip');
      const options = packageOptions(
        [
          '--app-id',
          APP_ID,
          '--host',
          'a.example.com',
          '--out',
          out,
          '--name',
          'Tally, household spending insights',
        ],
        {},
      );
      const failure = await buildTeamsPackage(options).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(PackageError);
      expect(String((failure as Error).message)).toMatch(
        /\/name\/short must NOT have more than 30 characters/,
      );
      expect(String((failure as Error).message)).toMatch(
        /\/developer\/name must NOT have more than 32 characters/,
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      temp.remove();
    }
  });
});
