import { describe, expect, it } from 'vitest';
import { withoutCourtesy } from '../../src/language/courtesy.ts';

describe('the courtesy around a question', () => {
  it.each([
    ['hey tally, how many lyft rides in january? thanks!', 'how many lyft rides in january?'],
    ['hi there tally can you list my uber charges', 'can you list my uber charges'],
    ['quick one - how many starbucks purchases this month?', 'how many starbucks purchases this month?'],
    ['show me my tesco receipts ta', 'show me my tesco receipts'],
    ['how much on pizza last week 🍕🍕', 'how much on pizza last week'],
    ['cancel my netflix sub pls 🙏', 'cancel my netflix sub'],
    ['January then?', 'January?'],
    ['what about amazon instead', 'what about amazon'],
    ['ok so what did i spend yesterday x', 'what did i spend yesterday'],
  ])('"%s" is read as "%s"', (text, question) => {
    expect(withoutCourtesy(text)).toBe(question);
  });

  it.each(['hi tally', 'thanks!', 'hey there', 'thank you so much tally'])(
    '"%s" is nothing but courtesy and stays whole',
    (text) => {
      expect(withoutCourtesy(text)).toBe(text);
    },
  );

  it.each(['tally my shake shack visits', 'no thanks', 'yes please'])('"%s" keeps its meaning', (text) => {
    const out = withoutCourtesy(text);
    expect(out.split(' ')[0]).toBe(text.split(' ')[0]);
  });
});
