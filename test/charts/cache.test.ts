import { describe, expect, it } from 'vitest';
import { ImageCache } from '../../src/charts/cache.ts';

const bytes = (text: string) => Buffer.from(text);

describe('the chart image cache', () => {
  it('draws each id once and shares a draw that is still running', async () => {
    const cache = new ImageCache();
    let draws = 0;
    const draw = async () => bytes(`png ${++draws}`);
    const [a, b] = await Promise.all([cache.get('x', draw), cache.get('x', draw)]);
    expect(a.toString()).toBe('png 1');
    expect(b).toBe(a);
    expect((await cache.get('x', draw)).toString()).toBe('png 1');
    expect((await cache.get('y', draw)).toString()).toBe('png 2');
    expect(draws).toBe(2);
  });

  it('forgets the least recently used id beyond its capacity', async () => {
    const cache = new ImageCache({ capacity: 2, maxBytes: 1000 });
    let draws = 0;
    const draw = async () => bytes(String(++draws));
    await cache.get('1', draw);
    await cache.get('2', draw);
    await cache.get('1', draw);
    await cache.get('3', draw);
    expect((await cache.get('1', draw)).toString()).toBe('1');
    expect((await cache.get('2', draw)).toString()).toBe('4');
  });

  it('keeps no more bytes than allowed, oldest out first', async () => {
    const cache = new ImageCache({ capacity: 100, maxBytes: 10 });
    await cache.get('a', async () => Buffer.alloc(4));
    await cache.get('b', async () => Buffer.alloc(4));
    await cache.get('c', async () => Buffer.alloc(4));
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
    await cache.get('big', async () => Buffer.alloc(11));
    expect(cache.has('big')).toBe(false);
    expect(cache.size).toBe(2);
  });

  it('does not keep a failed draw, and forgets an id on request', async () => {
    const cache = new ImageCache();
    let calls = 0;
    const draw = async () => {
      calls += 1;
      if (calls === 1) throw new Error('renderer busy');
      return bytes('ok');
    };
    await expect(cache.get('x', draw)).rejects.toThrow('renderer busy');
    expect((await cache.get('x', draw)).toString()).toBe('ok');
    cache.delete('x');
    expect(cache.has('x')).toBe(false);
  });
});
