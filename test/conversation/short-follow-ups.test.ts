/**
 * Short follow-ups on the demo household through the real understanding: a bare month keeps the last
 * question's measure whatever the classifier leans towards, and a merchant whose refunds outweigh its
 * purchases in a month is said as money back, never as a negative amount spent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoChats } from '../helpers/demo-chat.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');

const demo = new DemoChats(TODAY, NOW, 'short');
/** A fresh demo household per test, so budgets set in one do not leak into another. */
const demoChat = () => demo.chat();

beforeAll(() => demo.setUp());

const figureOf = (text: string) => /\*\*(-?\$[\d,.]+)\*\*/.exec(text)?.[1];

describe('a bare month after a question', () => {
  it.each(['January?', 'january', 'and January?', 'what about January?', 'how about January'])(
    '"%s" after coffee in February is coffee in January',
    async (followUp) => {
      const asked = await demoChat();
      const full = (await asked.say('how much did I spend on coffee in January?')).texts.join('\n');
      const chat = await demoChat();
      await chat.say('how much did I spend on coffee in February?');
      const reply = (await chat.say(followUp)).texts.join('\n');
      expect(reply).toContain('Spending on coffee · January 2026');
      expect(figureOf(reply)).toBe(figureOf(full));
    },
  );

  it('keeps money in after an income question', async () => {
    const chat = await demoChat();
    await chat.say('how much did I get paid in February?');
    const reply = (await chat.say('January?')).texts.join('\n');
    expect(reply).toContain('Money in · January 2026');
    expect(reply).toMatch(/You received \*\*\$[\d,.]+\*\*/);
  });
});

describe('a change of direction', () => {
  it.each(['what about my income?', 'and earnings?'])(
    '"%s" after coffee is all money in, not money in "on coffee"',
    async (followUp) => {
      const chat = await demoChat();
      await chat.say('how much did I spend on coffee in February?');
      const reply = (await chat.say(followUp)).texts.join('\n');
      expect(reply).toContain('Money in · February 2026');
      expect(reply).not.toContain('coffee');
      expect(reply).toMatch(/You received \*\*\$[\d,.]+\*\*/);
    },
  );

  it('a shop named after an income question is what was spent there', async () => {
    const asked = await demoChat();
    const full = (await asked.say('how much did I spend at Blue Bottle in January?')).texts.join('\n');
    const chat = await demoChat();
    await chat.say('how much did I make in January?');
    const reply = (await chat.say('and at Blue Bottle?')).texts.join('\n');
    expect(reply).not.toContain('income');
    expect(reply).toContain('Blue Bottle Coffee · January 2026');
    expect(figureOf(reply)).toBeDefined();
    expect(figureOf(reply)).toBe(figureOf(full));
  });
});

describe('refunds larger than purchases', () => {
  it('says the money came back instead of a negative amount spent', async () => {
    const chat = await demoChat();
    const reply = (await chat.say('how much did I spend at Amazon in February?')).texts.join('\n');
    expect(reply).not.toMatch(/-\$/);
    expect(reply).toMatch(
      /Refunds at Amazon in February 2026 came to more than you spent: \*\*\$[\d,.]+\*\* came back/,
    );
    const list = (await chat.say('show me those')).texts.join('\n');
    expect(list).toMatch(/Amazon/);
  });
});

describe('a list of charges', () => {
  it('says what the charges come to in all on its first page, the same as the figure', async () => {
    const chat = await demoChat();
    const figure = figureOf(
      (await chat.say('how much did I spend on my Amex in January except groceries?')).texts.join('\n'),
    );
    const list = (await chat.say('Amex charges in January apart from groceries')).texts.join('\n');
    expect(list).toMatch(/: \d+ transactions, \*\*\$[\d,.]+\*\* in all \(1–10, newest first\)/);
    expect(figureOf(list)).toBe(figure);
    const next = (await chat.say('show more')).texts.join('\n');
    expect(next).toContain('(11–');
    expect(next).not.toContain('in all');
  });
});
