import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { changeMatrix, exampleChange, movedPairs } from './change.js';
import { readExamples, type Examples } from './records.js';

const classes = fc.constantFrom('a', 'b', 'c', '10', '2');
const pairs = fc.array(fc.tuple(classes, classes), { maxLength: 60 });
const examples = (p: [string, string][]) => ({ actual: p.map((x) => x[0]), predicted: p.map((x) => x[1]) });

describe('the change matrix', () => {
  it('counts head − base per cell; classes in natural order', () => {
    const m = changeMatrix(
      examples([
        ['a', 'a'],
        ['a', 'b'],
        ['10', '2'],
      ]),
      examples([
        ['a', 'a'],
        ['a', 'a'],
        ['2', '10'],
      ]),
    );
    expect(m.labels).toEqual(['2', '10', 'a', 'b']);
    expect(m.counts).toEqual([
      [0, 1, 0, 0],
      [-1, 0, 0, 0],
      [0, 0, 1, -1],
      [0, 0, 0, 0],
    ]);
    // Class "a": base 1 of 2 right, head 2 of 2: +50 points on the diagonal, −50 off it; a class
    // absent on a side has no share.
    expect(m.shares).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [0, 0, 0.5, -0.5],
      [null, null, null, null],
    ]);
    expect(movedPairs(m, 5).map((p) => [p.actual, p.predicted, p.share])).toEqual([
      ['a', 'b', -0.5],
      ['2', '10', null],
      ['10', '2', null],
    ]);
  });

  it('normalises each side before subtracting: a row of a class on both sides sums to 0; counts sum to the size change', () => {
    fc.assert(
      fc.property(pairs, pairs, (b, h) => {
        const m = changeMatrix(examples(b), examples(h));
        m.labels.forEach((_, i) => {
          const row = m.shares[i];
          const both = m.base[i].some((x) => x > 0) && m.head[i].some((x) => x > 0);
          if (both) expect(Math.abs(row.reduce((s: number, x) => s + x!, 0))).toBeLessThan(1e-12);
          else expect(row.every((x) => x === null)).toBe(true);
        });
        expect(m.counts.flat().reduce((s, x) => s + x, 0)).toBe(h.length - b.length);
        for (const p of movedPairs(m, 5)) expect(p.actual).not.toBe(p.predicted);
      }),
    );
  });
});

describe('examples newly wrong and newly right', () => {
  const withIds = (p: [string, string][], ids: string[]): Examples => ({ file: 'p.csv', ...examples(p), ids });

  it('never holds an id in both lists, and only ids right on one side and wrong on the other', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.tuple(classes, classes), fc.tuple(classes, classes)), { maxLength: 50 }), (rows) => {
        const ids = rows.map((_, i) => `id-${i}`);
        const base = withIds(
          rows.map((r) => r[0]),
          ids,
        );
        const head = withIds(
          rows.map((r) => r[1]),
          ids,
        );
        const c = exampleChange(base, head);
        const wrong = new Set(c.newlyWrong);
        expect(c.newlyRight.filter((id) => wrong.has(id))).toEqual([]);
        const expected = rows.flatMap(([b, h], i) => (b[0] === b[1] && h[0] !== h[1] ? [ids[i]] : []));
        expect(c.newlyWrong).toEqual(expected);
        // Right after minus right before equals newly right minus newly wrong.
        const right = (e: Examples) => e.actual.filter((a, i) => a === e.predicted[i]).length;
        expect(right(head) - right(base)).toBe(c.newlyRight.length - c.newlyWrong.length);
      }),
    );
  });

  it('counts ids on one side only apart', () => {
    const c = exampleChange(
      withIds(
        [
          ['a', 'a'],
          ['a', 'b'],
        ],
        ['x', 'y'],
      ),
      withIds(
        [
          ['a', 'b'],
          ['a', 'a'],
        ],
        ['x', 'z'],
      ),
    );
    expect(c).toEqual({ newlyWrong: ['x'], newlyRight: [], onlyBase: 1, onlyHead: 1, relabelled: 0 });
  });
});

describe('reading records', () => {
  const place = async (text: string, file: string, idColumn?: string) => {
    try {
      await readExamples(text, file, { idColumn });
    } catch (e) {
      if (!isUserError(e)) throw e;
      return { message: e.message, file: e.file, line: e.line, column: e.column };
    }
    throw new Error('no error');
  };

  it("reads dvclive's confusion JSON and y_true/y_pred CSVs", async () => {
    const dvc = await readExamples('{"confusion_matrix": [{"actual": "0", "predicted": "1"}, {"actual": 1, "predicted": 1}]}', 'c.json');
    expect(dvc).toEqual({ file: 'c.json', actual: ['0', '1'], predicted: ['1', '1'] });
    const csv = await readExamples('y_true,y_pred\ncat,dog\n', 'c.csv');
    expect(csv.actual).toEqual(['cat']);
  });

  it('refuses a missing column, an unknown id column and a duplicate id, at their place', async () => {
    expect(await place('id,actual\n1,a\n', 'p.csv', 'id')).toMatchObject({
      file: 'p.csv',
      line: 1,
      message: expect.stringContaining('no predicted-class column'),
    });
    expect(await place('key,actual,predicted\n1,a,b\n', 'p.csv', 'id')).toMatchObject({ line: 1, message: expect.stringContaining('no id column "id"') });
    expect(await place('actual,id,predicted\na,1,a\nb,2,b\nc,1,c\n', 'p.csv', 'id')).toEqual({
      file: 'p.csv',
      line: 4,
      column: 2,
      message: 'duplicate id "1" in the "id" column (first at line 2)',
    });
    expect(await place('[{"id": 1, "actual": "a", "predicted": "a"},\n {"id": 1, "actual": "b", "predicted": "a"}]', 'p.json', 'id')).toMatchObject({
      line: 2,
      column: 1,
    });
    expect(await place('{"actual": "a", "predicted": {"x": 1}, "id": 1}\n', 'p.jsonl', 'id')).toMatchObject({
      line: 1,
      message: expect.stringContaining('not a class label'),
    });
  });
});
