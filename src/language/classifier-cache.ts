/**
 * Keeps the fitted intent model in a file, so a start-up with the same examples loads it instead of
 * fitting it again (the largest part of start-up). The file is named by a hash of exactly what fitting
 * reads — the masked examples, their labels and the options — so any change to the `.lu` files, the
 * masking or the options fits afresh; a model can never be used for examples it was not fitted on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fitLogistic,
  logisticClassifier,
  type LabelledText,
  type LogisticModel,
  type TextClassifier,
  type TrainOptions,
} from './classifier.ts';
import { writeCacheFile } from './cache-file.ts';

/** Bumped when the file layout or the fitting itself changes. */
const FORMAT = 1;

export function trainingKey(examples: readonly LabelledText[], options: TrainOptions): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: FORMAT, epochs: options.epochs ?? 30, seed: options.seed ?? 7 }));
  for (const e of examples) h.update(`${e.label}\t${e.text}\n`);
  return h.digest('hex').slice(0, 24);
}

/**
 * The logistic classifier for these examples: loaded from `dir` when it holds the model for exactly
 * them, otherwise fitted and stored there (a folder that cannot be written only costs the next start-up).
 */
export function cachedLogisticClassifier(
  examples: readonly LabelledText[],
  options: TrainOptions,
  dir: string,
): { classifier: TextClassifier; loaded: boolean } {
  const file = join(dir, `intents-${trainingKey(examples, options)}.bin`);
  const stored = readModel(file);
  if (stored) return { classifier: logisticClassifier(stored), loaded: true };
  const model = fitLogistic(examples, options);
  writeModel(file, model);
  return { classifier: logisticClassifier(model), loaded: false };
}

/** Layout: a 4-byte header length, a JSON header (labels, features), then bias and weights as float64. */
function writeModel(file: string, model: LogisticModel): void {
  const header = Buffer.from(JSON.stringify({ labels: model.labels, features: model.features }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const pad = Buffer.alloc((8 - ((4 + header.length) % 8)) % 8);
  writeCacheFile(file, Buffer.concat([length, header, pad, f64(model.bias), f64(model.weights)]));
}

function readModel(file: string): LogisticModel | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as {
      labels: string[];
      features: string[];
    };
    const start = 4 + headerLength + ((8 - ((4 + headerLength) % 8)) % 8);
    const classes = header.labels.length;
    const floats = new Float64Array(
      bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length),
    );
    if (floats.length !== classes * (1 + header.features.length)) return undefined;
    return {
      labels: header.labels,
      features: header.features,
      bias: floats.slice(0, classes),
      weights: floats.subarray(classes),
    };
  } catch {
    return undefined;
  }
}

function f64(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
