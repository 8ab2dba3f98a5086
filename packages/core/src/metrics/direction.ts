/**
 * Which way is better. `none` marks an informational metric (a count, a timing one only watches):
 * set in the gates file, never guessed from a name.
 */
export type Direction = 'higher' | 'lower' | 'none';

/** What a name can say: a name never makes a metric informational. */
type Guess = Exclude<Direction, 'none'>;

export interface InferredDirection {
  direction: Guess;
  /** The word of the key that decided, or undefined when nothing did (then: higher). */
  word?: string;
}

/**
 * Whether a bigger value of a metric is better, from its name alone.
 *
 * The key is cut into words at `.`, `/`, `_`, `-`, `@`, `[`, `]`, spaces and camelCase humps
 * (`val_loss`, `train/loss`, `valLoss`, `roc_auc.test`, `ndcg@10`). Words that only say where or how
 * a value was measured (train, test, val, mean, macro, top, p95, 10, ...) are skipped from the end;
 * the first word left is the metric's head word and decides alone. So `roc_auc.test` is an AUC,
 * `mean_absolute_error` an error, while `loss_weight` is a weight (unknown: higher) and `lossless`
 * is not a loss. Compound names (`false_positive_rate`, `samples_per_second`) are read whole.
 * Unit words (ms, seconds, mb, ...) skipped on the way make an unknown head word lower-is-better:
 * `inference_ms` is a time, `model_mb` a size. "X per Y" is an X (`time_per_step`: lower), except
 * per unit of time, a throughput (`samples_per_second`: higher).
 */
export function inferDirection(key: string): InferredDirection {
  const words = splitWords(key);
  let end = words.length;
  // "X per Y" measures X: `time_per_step` is a time, but X per unit of time is a throughput.
  const per = words.lastIndexOf('per');
  if (per > 0 && per < words.length - 1) {
    if (TIME_UNITS.has(words[per + 1])) return { direction: 'higher', word: `per_${words[per + 1]}` };
    end = per;
  }
  for (let e = end; e > 0; e--) {
    for (const [phrase, direction] of PHRASES_BY_LAST.get(words[e - 1]) ?? []) {
      if (phrase.length <= e && phrase.every((w, i) => words[e - phrase.length + i] === w)) {
        return { direction, word: phrase.join('_') };
      }
    }
    if (!skippable(words[e - 1])) break;
  }
  let sawUnit = false;
  while (end > 0 && skippable(words[end - 1])) {
    if (isUnit(words[end - 1])) sawUnit = true;
    end--;
  }
  if (end === 0) return sawUnit ? { direction: 'lower', word: words[words.length - 1] } : { direction: 'higher' };
  const head = words[end - 1];
  const known = lookup(head);
  if (known) return { direction: known, word: head };
  return sawUnit ? { direction: 'lower', word: head } : { direction: 'higher' };
}

function skippable(word: string): boolean {
  return QUALIFIERS.has(word) || isUnit(word) || isDigits(word);
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

function isUnit(word: string): boolean {
  return TIME_UNITS.has(word) || SIZE_UNITS.has(word);
}

function lookup(word: string): Guess | undefined {
  // As written, then without trailing digits (`map50`, `bleu4`), then singular (`errors`, `losses`).
  for (const w of [word, word.replace(/\d+$/, ''), word.replace(/s$/, ''), word.replace(/es$/, '')]) {
    if (LOWER.has(w)) return 'lower';
    if (HIGHER.has(w)) return 'higher';
  }
  return undefined;
}

// Runs of capitals (with their digits) not followed by a lower-case letter are a word (`AP50`,
// `ROC` in `ROCAuc`, `R2`); otherwise a word is an optional capital and lower-case letters or digits.
const WORD = /[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z0-9]+/g;

export function splitWords(key: string): string[] {
  const words = key.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) words[i] = words[i].toLowerCase();
  return words;
}

const LOWER = new Set([
  'loss',
  'error',
  'err',
  'rmse',
  'mse',
  'mae',
  'mape',
  'smape',
  'msle',
  'rmsle',
  'medae',
  'logloss',
  'nll',
  'crossentropy',
  'xent',
  'brier',
  'fp',
  'fn',
  'hinge',
  'latency',
  'time',
  'duration',
  'elapsed',
  'runtime',
  'walltime',
  'delay',
  'lag',
  'size',
  'bytes',
  'memory',
  'mem',
  'ram',
  'vram',
  'footprint',
  'perplexity',
  'ppl',
  'wer',
  'cer',
  'ter',
  'fpr',
  'fnr',
  'far',
  'frr',
  'eer',
  'fdr',
  'fid',
  'lpips',
  'distance',
  'divergence',
  'kl',
  'kld',
  'regret',
  'cost',
  'penalty',
  'miss',
  'mistake',
  'hamming',
  'misclassification',
  'drift',
  'overhead',
  'jitter',
  'violation',
  'failure',
  'fail',
  'invalid',
]);

const HIGHER = new Set([
  'accuracy',
  'acc',
  'auc',
  'roc',
  'rocauc',
  'auroc',
  'auprc',
  'aupr',
  'prauc',
  'f1',
  'fscore',
  'fbeta',
  'f',
  'precision',
  'prec',
  'recall',
  'sensitivity',
  'specificity',
  'tpr',
  'tnr',
  'ppv',
  'npv',
  'r2',
  'rsquared',
  'map',
  'ap',
  'ndcg',
  'dcg',
  'mrr',
  'hit',
  'bleu',
  'rouge',
  'meteor',
  'chrf',
  'bertscore',
  'cider',
  'spice',
  'iou',
  'miou',
  'jaccard',
  'dice',
  'psnr',
  'ssim',
  'mcc',
  'kappa',
  'spearman',
  'pearson',
  'correlation',
  'corr',
  'likelihood',
  'elbo',
  'reward',
  'return',
  'throughput',
  'qps',
  'fps',
  'speedup',
  'coverage',
  'purity',
  'silhouette',
  'nmi',
  'ari',
  'gain',
  'lift',
  'win',
  'success',
  'pass',
  'agreement',
  'fidelity',
  'tp',
  'tn',
]);

/** Read whole, ending at the head word: a plain lookup of the last word would miss them. */
const PHRASES: [string[], Guess][] = [
  [['false', 'positive', 'rate'], 'lower'],
  [['false', 'negative', 'rate'], 'lower'],
  [['false', 'discovery', 'rate'], 'lower'],
  [['false', 'positives'], 'lower'],
  [['false', 'negatives'], 'lower'],
  [['true', 'positive', 'rate'], 'higher'],
  [['true', 'negative', 'rate'], 'higher'],
  [['true', 'positives'], 'higher'],
  [['true', 'negatives'], 'higher'],
  [['error', 'rate'], 'lower'],
  [['miss', 'rate'], 'lower'],
  [['hit', 'rate'], 'higher'],
  [['win', 'rate'], 'higher'],
  [['explained', 'variance'], 'higher'],
  [['log', 'likelihood'], 'higher'],
  [['log', 'loss'], 'lower'],
  [['cross', 'entropy'], 'lower'],
  [['average', 'precision'], 'higher'],
];

const PHRASES_BY_LAST = new Map<string, [string[], Guess][]>();
for (const entry of PHRASES) {
  const last = entry[0][entry[0].length - 1];
  PHRASES_BY_LAST.set(last, [...(PHRASES_BY_LAST.get(last) ?? []), entry]);
}

/** Words that say where or how a value was measured, never what it is. */
const QUALIFIERS = new Set([
  'train',
  'training',
  'test',
  'testing',
  'val',
  'valid',
  'validation',
  'eval',
  'evaluation',
  'dev',
  'holdout',
  'oof',
  'cv',
  'fold',
  'mean',
  'avg',
  'average',
  'median',
  'min',
  'max',
  'total',
  'final',
  'best',
  'last',
  'overall',
  'macro',
  'micro',
  'weighted',
  'samples',
  'sample',
  'epoch',
  'step',
  'iter',
  'value',
  'score',
  'metric',
  'metrics',
  'at',
  'k',
  'top',
  'std',
  'stdev',
  'sd',
  'pct',
  'percent',
  'percentage',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
  'p999',
  'rate',
  'ratio',
  'all',
  'global',
  'local',
  'batch',
  'set',
  'split',
  'class',
  'norm',
  'normalized',
  'scaled',
  'multi',
  'multiclass',
  'binary',
  'l',
]);

/** Units: skipped like qualifiers, but a quantity measured in them is a cost. */
const TIME_UNITS = new Set(['ms', 'us', 'ns', 's', 'sec', 'secs', 'second', 'seconds', 'minute', 'minutes', 'mins', 'h', 'hr', 'hrs', 'hour', 'hours']);
const SIZE_UNITS = new Set(['b', 'kb', 'mb', 'gb', 'tb', 'kib', 'mib', 'gib', 'byte']);
