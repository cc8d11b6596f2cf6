import { describe, expect, it } from 'vitest';
import { cached } from '../../src/charts/cache.ts';

describe('cached chart renders', () => {
  it('renders each distinct input once and shares concurrent renders', async () => {
    let renders = 0;
    const render = cached(async (input: { labels: string[] }) => `png:${input.labels.join(',')}:${++renders}`);
    const [a, b] = await Promise.all([render({ labels: ['x'] }), render({ labels: ['x'] })]);
    expect(a).toBe('png:x:1');
    expect(b).toBe(a);
    expect(await render({ labels: ['y'] })).toBe('png:y:2');
    expect(renders).toBe(2);
  });

  it('forgets the least recently used entry beyond its capacity', async () => {
    let renders = 0;
    const render = cached(async (n: number) => `${n}:${++renders}`, 2);
    await render(1);
    await render(2);
    await render(1);
    await render(3);
    expect(await render(1)).toBe('1:1');
    expect(await render(2)).toBe('2:4');
  });

  it('does not keep a failed render', async () => {
    let calls = 0;
    const render = cached(async () => {
      calls += 1;
      if (calls === 1) throw new Error('renderer busy');
      return 'ok';
    });
    await expect(render(1)).rejects.toThrow('renderer busy');
    expect(await render(1)).toBe('ok');
  });
});
