import { describe, expect, it } from 'vitest';
import { inferDirection, splitWords } from './direction.js';

const dir = (key: string) => inferDirection(key).direction;

describe('inferDirection', () => {
  it.each([
    'loss',
    'val_loss',
    'train/loss',
    'train.loss',
    'valLoss',
    'loss.test',
    'eval.val.loss',
    'mean_absolute_error',
    'rmse',
    'test_mae',
    'mse_val',
    'mape',
    'logloss',
    'log_loss',
    'top1_error',
    'top5-err',
    'error_rate',
    'n_errors',
    'latency_p95',
    'inference_latency_ms',
    'train_time',
    'epoch_duration',
    'model_size_mb',
    'peak_memory',
    'artifact_bytes',
    'perplexity',
    'wer',
    'CER',
    'fpr',
    'false_positive_rate',
    'false_negative_rate.test',
    'inference_ms',
    'time_per_step',
    'cross_entropy',
    'train.FP',
  ])('%s is lower-is-better', (key) => {
    expect(dir(key)).toBe('lower');
  });

  it.each([
    'accuracy',
    'val_acc',
    'roc_auc.test',
    'avg_prec.train',
    'f1_score',
    'f1-macro',
    'precision@10',
    'recall_at_k',
    'ndcg@10',
    'mAP',
    'mAP@0.5:0.95',
    'map50',
    'r2',
    'R2_score',
    'bleu4',
    'rougeL',
    'iou',
    'dice_multi',
    'evaluate/dice_multi',
    'true_positive_rate',
    'explained_variance',
    'samples_per_second',
    'tokens_per_sec',
    'balanced_accuracy',
    'top1',
  ])('%s is higher-is-better', (key) => {
    expect(dir(key)).toBe('higher');
  });

  it('goes by the head word, not by any word that contains a known one', () => {
    expect(inferDirection('lossless_ratio')).toEqual({ direction: 'higher' });
    expect(inferDirection('loss_weight')).toEqual({ direction: 'higher' });
    expect(inferDirection('timestamp')).toEqual({ direction: 'higher' });
    expect(inferDirection('errorless')).toEqual({ direction: 'higher' });
  });

  it('names the deciding word, or none for an unknown metric', () => {
    expect(inferDirection('roc_auc.test')).toEqual({ direction: 'higher', word: 'auc' });
    expect(inferDirection('val_loss')).toEqual({ direction: 'lower', word: 'loss' });
    expect(inferDirection('false_positive_rate')).toEqual({ direction: 'lower', word: 'false_positive_rate' });
    expect(inferDirection('step')).toEqual({ direction: 'higher' });
    expect(inferDirection('widgets')).toEqual({ direction: 'higher' });
  });
});

describe('splitWords', () => {
  it('cuts at punctuation and camelCase humps, keeps letters with their digits', () => {
    expect(splitWords('valLoss')).toEqual(['val', 'loss']);
    expect(splitWords('mAP@0.5:0.95')).toEqual(['m', 'ap', '0', '5', '0', '95']);
    expect(splitWords('layers[2].units')).toEqual(['layers', '2', 'units']);
    expect(splitWords('ROCAuc')).toEqual(['roc', 'auc']);
    expect(splitWords('top1_error')).toEqual(['top1', 'error']);
  });
});
