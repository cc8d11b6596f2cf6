/**
 * Remembers recent chart images by their input, so a repeated question (the same breakdown asked again,
 * by the same or another channel) costs no render. Concurrent requests for one chart share one render.
 */
export function cached<I, O>(render: (input: I) => Promise<O>, capacity = 200): (input: I) => Promise<O> {
  const entries = new Map<string, Promise<O>>();
  return (input) => {
    const key = JSON.stringify(input);
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const made = render(input);
    entries.set(key, made);
    made.catch(() => entries.delete(key));
    if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    return made;
  };
}
