/**
 * A small intent classifier trained at start-up from the `.lu` examples: multinomial logistic regression over
 * word unigrams and bigrams plus character 3–4-grams (which forgive typos). Entities are masked before
 * training and classifying ("how much on {category} {period}"), so the model learns wording, not names.
 */
import { mulberry32 } from '../random.ts';

export interface LabelledText {
  text: string;
  label: string;
}

export interface Classification {
  label: string;
  /** Probability of the label, 0..1. */
  confidence: number;
}

export interface TextClassifier {
  classify(text: string): Classification;
  /** Every label with its probability, best first. */
  scores(text: string): Classification[];
}

export interface TrainOptions {
  /** 'logistic' (the default) or 'bayes' (multinomial naive Bayes, kept to measure against). */
  kind?: 'logistic' | 'bayes';
  epochs?: number;
  seed?: number;
}

/** Lower-cases, keeps `{placeholders}` whole, drops other punctuation. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/\{\w+\}|[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 80);
}

/** The features of a text: `w:` words, `b:` word pairs, `c:` character n-grams inside words. */
export function features(text: string): string[] {
  const ws = words(text);
  const out = new Set<string>();
  const padded = ['<s>', ...ws, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    const w = padded[i] ?? '';
    if (i > 0 && i < padded.length - 1) out.add(`w:${w}`);
    if (i + 1 < padded.length) out.add(`b:${w}_${padded[i + 1] ?? ''}`);
    if (w.startsWith('{') || w.startsWith('<')) continue;
    const g = `#${w}#`;
    for (let n = 3; n <= 4; n++) for (let k = 0; k + n <= g.length; k++) out.add(`c:${g.slice(k, k + n)}`);
  }
  if (ws.length === 0) out.add('w:<empty>');
  return [...out];
}

interface Encoded {
  ids: number[];
  label: number;
}

/** Trains a classifier; a few thousand examples take well under a second. */
export function trainClassifier(
  examples: readonly LabelledText[],
  options: TrainOptions = {},
): TextClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const featureIds = new Map<string, number>();
  const encode = (text: string, grow: boolean): number[] => {
    const ids: number[] = [];
    for (const f of features(text)) {
      let id = featureIds.get(f);
      if (id === undefined && grow) featureIds.set(f, (id = featureIds.size));
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };
  const data: Encoded[] = examples.map((e) => ({
    ids: encode(e.text, true),
    label: labels.indexOf(e.label),
  }));
  const score =
    options.kind === 'bayes'
      ? trainBayes(data, labels.length, featureIds.size)
      : trainLogistic(data, labels.length, featureIds.size, options.epochs ?? 30, options.seed ?? 7);
  const scores = (text: string): Classification[] => {
    const probs = score(encode(text, false));
    return labels
      .map((label, k) => ({ label, confidence: probs[k] ?? 0 }))
      .sort((a, b) => b.confidence - a.confidence);
  };
  return {
    scores,
    classify: (text) => scores(text)[0] ?? { label: 'none', confidence: 0 },
  };
}

function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp((z[k] ?? 0) - max);
  for (let k = 0; k < z.length; k++) z[k] = (z[k] ?? 0) / sum;
  return z;
}

/** Softmax regression by stochastic gradient descent with L2; features are scaled to unit length. */
function trainLogistic(
  data: Encoded[],
  classes: number,
  featureCount: number,
  epochs: number,
  seed: number,
): (ids: number[]) => Float64Array {
  const w = new Float64Array(featureCount * classes);
  const bias = new Float64Array(classes);
  const random = mulberry32(seed);
  const order = data.map((_, i) => i);
  const lambda = 1e-5;
  const logits = (ids: number[]): Float64Array => {
    const z = new Float64Array(bias);
    const x = 1 / Math.sqrt(Math.max(ids.length, 1));
    for (const id of ids)
      for (let k = 0; k < classes; k++) z[k] = (z[k] ?? 0) + (w[id * classes + k] ?? 0) * x;
    return z;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = 0.5 / (1 + epoch * 0.1);
    for (const index of order) {
      const ex = data[index];
      if (!ex) continue;
      const p = softmax(logits(ex.ids));
      const x = 1 / Math.sqrt(Math.max(ex.ids.length, 1));
      for (let k = 0; k < classes; k++) {
        const g = (p[k] ?? 0) - (k === ex.label ? 1 : 0);
        bias[k] = (bias[k] ?? 0) - rate * g * 0.1;
        for (const id of ex.ids) {
          const at = id * classes + k;
          w[at] = (w[at] ?? 0) * (1 - rate * lambda) - rate * g * x;
        }
      }
    }
  }
  return (ids) => softmax(logits(ids));
}

/** Multinomial naive Bayes with add-one smoothing. */
function trainBayes(data: Encoded[], classes: number, featureCount: number): (ids: number[]) => Float64Array {
  const counts = new Float64Array(featureCount * classes);
  const totals = new Float64Array(classes);
  const docs = new Float64Array(classes);
  for (const ex of data) {
    docs[ex.label] = (docs[ex.label] ?? 0) + 1;
    for (const id of ex.ids) {
      counts[id * classes + ex.label] = (counts[id * classes + ex.label] ?? 0) + 1;
      totals[ex.label] = (totals[ex.label] ?? 0) + 1;
    }
  }
  return (ids) => {
    const z = new Float64Array(classes);
    for (let k = 0; k < classes; k++) {
      let s = Math.log((docs[k] ?? 0) / data.length);
      const denom = Math.log((totals[k] ?? 0) + featureCount);
      for (const id of ids) s += Math.log((counts[id * classes + k] ?? 0) + 1) - denom;
      z[k] = s;
    }
    return softmax(z);
  };
}
