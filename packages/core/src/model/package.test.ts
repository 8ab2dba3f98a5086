import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { modelCard, type CardFacts } from './card.js';
import { assetNames, copyAndHash } from './package.js';

async function modelDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-model-'));
  await mkdir(join(dir, 'm', 'sub'), { recursive: true });
  await writeFile(join(dir, 'm', 'weights.bin'), Buffer.alloc(3 << 20, 7));
  await writeFile(join(dir, 'm', 'sub', 'vocab.txt'), 'a\n');
  return dir;
}

describe('the package', () => {
  it('copies every file and hashes it in the same pass, paths kept', async () => {
    const dir = await modelDir();
    const files = await copyAndHash(join(dir, 'm'), join(dir, 'out'));
    expect(files.map((f) => [f.path, f.size])).toEqual([
      ['sub/vocab.txt', 2],
      ['weights.bin', 3 << 20],
    ]);
    const copied = await readFile(join(dir, 'out', 'weights.bin'));
    expect(files[1].sha256).toBe(createHash('sha256').update(copied).digest('hex'));
    expect(files[1].sha256).toBe(
      createHash('sha256')
        .update(Buffer.alloc(3 << 20, 7))
        .digest('hex'),
    );
  });

  it('refuses a link in the model folder, naming "path"', async () => {
    const dir = await modelDir();
    await symlink('/etc/passwd', join(dir, 'm', 'passwd'));
    await expect(copyAndHash(join(dir, 'm'), join(dir, 'out'))).rejects.toThrow(/input "path": passwd is not a plain file/);
  });

  it('flat asset names, refusing two paths that would share one', () => {
    expect([...assetNames([{ path: 'a/b.txt' }, { path: 'c' }]).values()]).toEqual(['a--b.txt', 'c']);
    expect(() => assetNames([{ path: 'a/b' }, { path: 'a--b' }])).toThrow(/would be the same release asset/);
  });
});

const FACTS: CardFacts = {
  name: 'churn-model',
  version: 'v1.2.0',
  tag: 'churn-model@v1.2.0',
  stage: 'prod',
  createdAt: '2026-12-02T00:00:00.000Z',
  files: [{ path: 'weights.bin', absolutePath: '/x', size: 3, sha256: 'ab'.repeat(32) }],
  lineage: {
    commit: 'c'.repeat(40),
    data: [{ file: 'data/train.csv', rows: 10, sha256: 'ef'.repeat(32), passed: true }],
    metrics: { 'metrics.json': { auc: 0.9, name: 'x' } },
    params: {},
  },
  howToLoad: ['gh release download churn-model@v1.2.0'],
};

describe('the model card', () => {
  it('front matter with model-index results from the numeric metrics, and the five sections', () => {
    const card = modelCard(FACTS);
    const front = parse(card.split('---\n')[1]);
    expect(front['model-index'][0]).toEqual({
      name: 'churn-model',
      results: [
        {
          task: { type: 'other', name: 'churn-model' },
          dataset: { type: 'custom', name: 'data/train.csv' },
          metrics: [{ type: 'auc', name: 'auc', value: 0.9 }],
        },
      ],
    });
    expect(front.mlci.files['weights.bin']).toBe(`sha256:${'ab'.repeat(32)}`);
    for (const h of ['Model details', 'Training data', 'Evaluation', 'Limitations', 'How to load']) expect(card).toContain(`## ${h}`);
    expect(card).toContain('ef'.repeat(32));
  });

  it("a template's front matter is merged, its placeholders filled, the sections it leaves out follow it", () => {
    const card = modelCard({
      ...FACTS,
      template: '---\nlicense: mit\nmodel-index: overridden\n---\n# {{ name }} {{version}}\n\n## Limitations\n\nOnly for churn.\n\n{{ evaluation }}\n',
    });
    const front = parse(card.split('---\n')[1]);
    expect(front.license).toBe('mit');
    expect(front['model-index'][0].name).toBe('churn-model');
    expect(card).toContain('# churn-model v1.2.0');
    expect(card).toContain('Only for churn.');
    expect(card).toContain('| `auc` | 0.9 |');
    expect(card).toContain('## Model details');
    expect(card.match(/## Evaluation/g)).toBeNull();
    expect(card.match(/## Limitations/g)).toHaveLength(1);
  });
});
