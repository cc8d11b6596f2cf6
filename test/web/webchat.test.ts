/**
 * The chat page in a real browser: Debian's Chromium, driven by playwright-core, against the real server
 * on 127.0.0.1 with a temporary database. The page is built from source first (scripts/build-web.mjs),
 * so this checks what a fresh clone serves. The browser's clock starts at noon on 10 March 2026 in Los
 * Angeles, so "last month" is February 2026.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig, ROOT } from '../../src/config.ts';
import { setLogLevel } from '../../src/log.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { tempDbFile } from '../helpers/store.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(ROOT, 'test', 'web', 'screenshots');
const NOW = new Date('2026-03-10T12:00:00-08:00');
const MONEY = /\$\d[\d,]*\.\d\d/;

const present = existsSync(CHROMIUM);
if (!present)
  process.stderr.write(
    `webchat.test.ts skipped: ${CHROMIUM} is missing (.ci/install-chromium installs it)\n`,
  );

describe.skipIf(!present)(`the chat page in Chromium (${CHROMIUM})`, () => {
  const temp = tempDbFile();
  const profiles: string[] = [];
  let tally: RunningTally;
  let origin: string;

  beforeAll(async () => {
    setLogLevel('error');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { stdio: 'pipe' });
    tally = await startTally(
      loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
    );
    origin = `http://localhost:${tally.port}`;
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await tally?.close();
    temp.remove();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  /** A phone-sized browser with a fresh profile, recording every request and every console error. */
  async function phone(): Promise<{
    context: BrowserContext;
    page: Page;
    requests: string[];
    errors: string[];
  }> {
    const profile = mkdtempSync(join(tmpdir(), 'tally-chromium-'));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      timezoneId: 'America/Los_Angeles',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    // The clock starts at NOW and runs on (a clock that stands still stops Web Chat's scrolling).
    await page.clock.install({ time: NOW });
    await page.goto(`${origin}/`);
    return { context, page, requests, errors };
  }

  const fromBot = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');

  /**
   * A screenshot of the transcript's end. Web Chat scrolls there smoothly, which on a busy machine
   * can stall part-way, so each poll also asks for the end as a person dragging the bar would.
   */
  async function screenshot(page: Page, name: string): Promise<void> {
    const atEnd = () =>
      page.locator('.webchat__basic-transcript__scrollable').evaluate((el) => {
        if (el.scrollHeight - el.scrollTop - el.clientHeight < 2) return true;
        el.scrollTop = el.scrollHeight;
        return false;
      });
    await expect.poll(atEnd, { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, name) });
  }

  /** Types a message as a person would and waits for a new bot bubble containing `expected`. */
  async function say(page: Page, text: string, expected: RegExp): Promise<string> {
    const before = await fromBot(page).count();
    const box = page.locator('.webchat__send-box-text-box__input');
    await box.fill(text);
    await box.press('Enter');
    await expect
      .poll(async () => (await fromBot(page).allInnerTexts()).slice(before).join('\n'), { timeout: 15_000 })
      .toMatch(expected);
    return (await fromBot(page).allInnerTexts()).slice(before).join('\n');
  }

  it('chats: the demo, a figure for last month, and a chart card, on a phone', async () => {
    const { context, page, requests, errors } = await phone();
    try {
      await expect.poll(() => fromBot(page).first().innerText(), { timeout: 15_000 }).toContain('Tally');
      await expect(
        page.locator('.webchat__suggested-action', { hasText: 'Try the demo' }).count(),
      ).resolves.toBe(1);
      await say(page, 'try the demo', /yes or no/);
      await say(page, 'yes', /added the demo household/);
      const answer = await say(page, 'how much did I spend last month?', /February 2026/);
      expect(answer).toMatch(MONEY);

      await say(page, 'break down last month by category', /.+/);
      const image = page.locator('.ac-adaptiveCard img').last();
      await expect
        .poll(
          () =>
            image.evaluate((img) => {
              // Drawn: the PNG arrived and decoded (the test's types have no DOM; this runs in the page).
              const drawn = img as unknown as { complete: boolean; naturalWidth: number };
              return drawn.complete ? drawn.naturalWidth : 0;
            }),
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(100);
      await screenshot(page, 'webchat-phone.png');

      // Everything came from Tally's own origin: no CDN, no fonts, no other host.
      const foreign = requests.filter(
        (url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
      );
      expect(foreign).toEqual([]);
      expect(requests.some((url) => url.startsWith(`${origin}/web/main-`))).toBe(true);
      expect(errors).toEqual([]);

      // A reload in the same tab returns to the same conversation.
      await page.reload();
      await expect
        .poll(async () => (await fromBot(page).allInnerTexts()).join('\n'), { timeout: 15_000 })
        .toContain('February 2026');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('links a statement attached with the paperclip', async () => {
    const { context, page, errors } = await phone();
    try {
      await expect.poll(() => fromBot(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await say(page, 'link an account', /yes or no/i);
      await say(page, 'yes', /what should I call this account/i);
      await say(page, 'Everyday checking', /attach the statement/i);
      const before = await fromBot(page).count();
      // Attach with the paperclip's file input, then send, as a person does.
      await page.locator('input[type=file]').setInputFiles({
        name: 'everyday.csv',
        mimeType: 'text/csv',
        buffer: groceriesWithSpike('2026-03-09'),
      });
      await page.locator('.webchat__send-button').click();
      await expect
        .poll(async () => (await fromBot(page).allInnerTexts()).slice(before).join('\n'), { timeout: 15_000 })
        .toMatch(/Imported \d+ transactions/);
      await expect(
        page.locator('.webchat__bubble--from-user', { hasText: 'everyday.csv' }).count(),
      ).resolves.toBeGreaterThan(0);
      await say(page, 'how much did I spend on groceries last month?', MONEY);
      await screenshot(page, 'webchat-upload.png');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
