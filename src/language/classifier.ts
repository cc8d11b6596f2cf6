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
  const out = new Set<string>();
  eachFeature(text, (f) => out.add(f));
  return [...out];
}

/** Each feature of a text in order, repeats included (`features` keeps the first of each). */
function eachFeature(text: string, use: (feature: string) => void): void {
  const ws = words(text);
  const padded = ['<s>', ...ws, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    const w = padded[i] ?? '';
    if (i > 0 && i < padded.length - 1) use(`w:${w}`);
    if (i + 1 < padded.length) use(`b:${w}_${padded[i + 1] ?? ''}`);
    if (w.startsWith('{') || w.startsWith('<')) continue;
    const g = `#${w}#`;
    for (let n = 3; n <= 4; n++) for (let k = 0; k + n <= g.length; k++) use(`c:${g.slice(k, k + n)}`);
  }
  if (ws.length === 0) use('w:<empty>');
}

interface Encoded {
  ids: number[];
  label: number;
}

/** What a trained logistic model is: enough to classify without the examples, and to keep in a file. */
export interface LogisticModel {
  labels: string[];
  /** Feature names in id order. */
  features: string[];
  bias: Float64Array;
  /** `features.length × labels.length`, feature-major. */
  weights: Float64Array;
}

function encoder(featureIds: Map<string, number>) {
  // `seen[id] === round`: the ids this text already has, without a set made for every text.
  let seen = new Uint32Array(0);
  let round = 0;
  return (text: string, grow: boolean): number[] => {
    const ids: number[] = [];
    if (!grow) {
      // Features and ids are one to one, so keeping each id's first place keeps each feature's: the same
      // ids in the same order as below, without a set of the feature strings on every message.
      if (seen.length < featureIds.size) seen = new Uint32Array(featureIds.size);
      if (round === 0xffffffff) [seen, round] = [new Uint32Array(featureIds.size), 0];
      const now = ++round;
      eachFeature(text, (f) => {
        const id = featureIds.get(f);
        if (id === undefined || seen[id] === now) return;
        seen[id] = now;
        ids.push(id);
      });
      return ids;
    }
    for (const f of features(text)) {
      let id = featureIds.get(f);
      if (id === undefined && grow) featureIds.set(f, (id = featureIds.size));
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };
}

function classifierOf(
  labels: readonly string[],
  encode: (text: string) => number[],
  score: (ids: number[]) => Float64Array,
): TextClassifier {
  const scores = (text: string): Classification[] => {
    const probs = score(encode(text));
    return labels
      .map((label, k) => ({ label, confidence: probs[k] ?? 0 }))
      .sort((a, b) => b.confidence - a.confidence);
  };
  return {
    scores,
    classify: (text) => scores(text)[0] ?? { label: 'none', confidence: 0 },
  };
}

/** Trains a classifier; a few thousand examples take well under a second. */
export function trainClassifier(
  examples: readonly LabelledText[],
  options: TrainOptions = {},
): TextClassifier {
  if (options.kind !== 'bayes') return logisticClassifier(fitLogistic(examples, options));
  const { labels, featureIds, encode, data } = encodeExamples(examples);
  return classifierOf(
    labels,
    (text) => encode(text, false),
    trainBayes(data, labels.length, featureIds.size),
  );
}

/** The labels, the feature ids learnt from the examples, and each example as feature ids. */
function encodeExamples(examples: readonly LabelledText[]) {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const featureIds = new Map<string, number>();
  const encode = encoder(featureIds);
  const data: Encoded[] = examples.map((e) => ({
    ids: encode(e.text, true),
    label: labels.indexOf(e.label),
  }));
  return { labels, featureIds, encode, data };
}

/** Fits the logistic model (the slow part of start-up: it can be kept, see classifier-cache.ts). */
export function fitLogistic(examples: readonly LabelledText[], options: TrainOptions = {}): LogisticModel {
  const { labels, featureIds, data } = encodeExamples(examples);
  const { weights, bias } = trainLogistic(
    data,
    labels.length,
    featureIds.size,
    options.epochs ?? 30,
    options.seed ?? 7,
  );
  return { labels, features: [...featureIds.keys()], bias, weights };
}

/** A classifier from a fitted (or stored) logistic model. */
export function logisticClassifier(model: LogisticModel): TextClassifier {
  const featureIds = new Map(model.features.map((f, i) => [f, i]));
  const encode = encoder(featureIds);
  const classes = model.labels.length;
  const { weights: w, bias } = model;
  return classifierOf(
    model.labels,
    (text) => encode(text, false),
    (ids) => softmax(logits(ids, w, bias, classes)),
  );
}

function logits(ids: number[], w: Float64Array, bias: Float64Array, classes: number): Float64Array {
  const z = new Float64Array(bias);
  const x = 1 / Math.sqrt(Math.max(ids.length, 1));
  for (const id of ids) for (let k = 0; k < classes; k++) z[k] = (z[k] ?? 0) + (w[id * classes + k] ?? 0) * x;
  return z;
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
): { weights: Float64Array; bias: Float64Array } {
  const w = new Float64Array(featureCount * classes);
  const bias = new Float64Array(classes);
  const random = mulberry32(seed);
  const order = data.map((_, i) => i);
  const lambda = 1e-5;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = 0.5 / (1 + epoch * 0.1);
    for (const index of order) {
      const ex = data[index];
      if (!ex) continue;
      const p = softmax(logits(ex.ids, w, bias, classes));
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
  return { weights: w, bias };
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
