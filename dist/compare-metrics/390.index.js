export const id = 390;
export const ids = [390];
export const modules = {

/***/ 17390:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareEvaluation: () => (/* binding */ compareEvaluation)
});

// UNUSED EXPORTS: DEFAULT_MAX_IDS

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(57706);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(73748);
// EXTERNAL MODULE: ./packages/core/lib/section/escape.js + 1 modules
var section_escape = __webpack_require__(41189);
;// CONCATENATED MODULE: ./packages/core/lib/evaluation/change.js
function confusionMatrix(e, labels) {
    const index = new Map(labels.map((l, i) => [l, i]));
    const m = labels.map(() => labels.map(() => 0));
    for (let i = 0; i < e.actual.length; i++)
        m[index.get(e.actual[i])][index.get(e.predicted[i])]++;
    return m;
}
function changeMatrix(base, head) {
    const labels = [...new Set([...base.actual, ...base.predicted, ...head.actual, ...head.predicted])].sort(naturalOrder);
    const b = confusionMatrix(base, labels);
    const h = confusionMatrix(head, labels);
    const sum = (row) => row.reduce((s, x) => s + x, 0);
    const counts = h.map((row, i) => row.map((x, j) => x - b[i][j]));
    const shares = h.map((row, i) => {
        const [tb, th] = [sum(b[i]), sum(row)];
        return row.map((x, j) => (tb === 0 || th === 0 ? null : x / th - b[i][j] / tb));
    });
    return { labels, base: b, head: h, counts, shares };
}
/** The off-diagonal cells (mistakes) that moved most, by share of their class, then by count. */
function movedPairs(m, limit) {
    const pairs = [];
    m.labels.forEach((a, i) => m.labels.forEach((p, j) => {
        if (i !== j && m.counts[i][j] !== 0)
            pairs.push({ actual: a, predicted: p, base: m.base[i][j], head: m.head[i][j], share: m.shares[i][j] });
    }));
    const size = (x) => Math.abs(x.share ?? 0);
    return pairs.sort((x, y) => size(y) - size(x) || Math.abs(y.head - y.base) - Math.abs(x.head - x.base)).slice(0, limit);
}
/** Examples joined by id: right in base and wrong in head, and the other way. In head order. */
function exampleChange(base, head) {
    const baseById = new Map();
    base.ids.forEach((id, i) => baseById.set(id, i));
    const out = { newlyWrong: [], newlyRight: [], onlyBase: 0, onlyHead: 0, relabelled: 0 };
    let matched = 0;
    head.ids.forEach((id, i) => {
        const j = baseById.get(id);
        if (j === undefined) {
            out.onlyHead++;
            return;
        }
        matched++;
        if (base.actual[j] !== head.actual[i])
            out.relabelled++;
        const [wasRight, isRight] = [base.actual[j] === base.predicted[j], head.actual[i] === head.predicted[i]];
        if (wasRight && !isRight)
            out.newlyWrong.push(id);
        if (!wasRight && isRight)
            out.newlyRight.push(id);
    });
    out.onlyBase = base.ids.length - matched;
    return out;
}
function accuracy(e) {
    let right = 0;
    for (let i = 0; i < e.actual.length; i++)
        if (e.actual[i] === e.predicted[i])
            right++;
    return e.actual.length === 0 ? NaN : right / e.actual.length;
}
const collator = new Intl.Collator('en', { numeric: true });
function naturalOrder(a, b) {
    const [na, nb] = [Number(a), Number(b)];
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb))
        return na - nb || collator.compare(a, b);
    return collator.compare(a, b);
}
//# sourceMappingURL=change.js.map
// EXTERNAL MODULE: ./packages/core/lib/plots/table.js + 3 modules
var table = __webpack_require__(72369);
;// CONCATENATED MODULE: ./packages/core/lib/evaluation/records.js


/** Column names accepted for the true class and the predicted one, first found wins. */
const ACTUAL_COLUMNS = ['actual', 'y_true', 'true', 'label', 'target'];
const PREDICTED_COLUMNS = ['predicted', 'y_pred', 'pred', 'prediction'];
async function readExamples(text, file, o = {}) {
    const t = await (0,table/* readTable */.xz)(text, file);
    const delimited = ['csv', 'tsv'].includes((0,table/* tableFormat */.Kg)(file, text.replace(/^\uFEFF/, '')));
    const fields = t.fields;
    const shown = fields
        .slice(0, 20)
        .map((f) => JSON.stringify(f))
        .join(', ') || 'none';
    const pick = (names, role) => {
        const found = names.find((n) => fields.includes(n));
        if (found === undefined) {
            throw new errors/* UserError */.y(`no ${role} column: expected one of ${names.map((n) => `"${n}"`).join(', ')}; the columns are ${shown}`, t.headerPlace);
        }
        return found;
    };
    const actualField = pick(ACTUAL_COLUMNS, 'actual-class');
    const predictedField = pick(PREDICTED_COLUMNS, 'predicted-class');
    const idField = o.idColumn;
    if (idField !== undefined && !fields.includes(idField)) {
        throw new errors/* UserError */.y(`no id column "${idField}" (input "id-column"); the columns are ${shown}`, t.headerPlace);
    }
    // In a CSV the column of a cell is its position; in JSON the record's start is the place.
    const placeOf = (i, field) => ({ ...t.placeOf(i), ...(delimited ? { column: fields.indexOf(field) + 1 } : {}) });
    const label = (row, field, i) => {
        const v = row[field];
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        throw new errors/* UserError */.y(`record ${i + 1}: "${field}" is ${v === undefined ? 'missing' : (0,table/* describe */.q0)(v)}, not a class label`, placeOf(i, field));
    };
    const actual = [];
    const predicted = [];
    const ids = [];
    const seen = new Map();
    t.rows.forEach((row, i) => {
        actual.push(label(row, actualField, i));
        predicted.push(label(row, predictedField, i));
        if (idField === undefined)
            return;
        const id = label(row, idField, i);
        const first = seen.get(id);
        if (first !== undefined) {
            const at = t.placeOf(first).line;
            throw new errors/* UserError */.y(`duplicate id ${JSON.stringify(id)} in the "${idField}" column (first at line ${at})`, placeOf(i, idField));
        }
        seen.set(id, i);
        ids.push(id);
    });
    return { file, actual, predicted, ...(idField !== undefined ? { ids } : {}) };
}
//# sourceMappingURL=records.js.map
;// CONCATENATED MODULE: ./packages/core/lib/evaluation/compare.js





const DEFAULT_MAX_IDS = 20;
/** More classes than this make the matrices unreadable: the moved pairs are shown alone. */
const MAX_MATRIX_CLASSES = 15;
const MOVED_PAIRS = 5;
/**
 * The confusion section: head's matrix against the base's as a change matrix, counts and
 * row-normalised, the pairs that moved most, and with predictions the ids newly wrong and newly
 * right (ids only, never the rows). A broken head file is the user's error; a base that is missing
 * or unreadable leaves head alone, said in a note.
 */
async function compareEvaluation(o) {
    const path = o.predictions || o.confusion;
    if (!path)
        return { markdown: '', data: null, files: [] };
    const idColumn = o.predictions ? o.idColumn : undefined;
    const input = o.predictions ? 'predictions' : 'confusion';
    const head = await readExamples(await readHead(path, o.workspace, input), path, { idColumn });
    const notes = [];
    let base;
    const baseBytes = await o.readBase(path);
    if (baseBytes === undefined)
        notes.push(`No base version of ${path}${o.baseName ? ` in ${o.baseName}` : ''}: head alone is shown.`);
    else {
        try {
            base = await readExamples(baseBytes.toString('utf8'), path, { idColumn });
        }
        catch (e) {
            if (!(0,errors/* isUserError */.i)(e))
                throw e;
            notes.push(`The base version of ${path} could not be read (${e.line ? `line ${e.line}: ` : ''}${e.message}): head alone is shown.`);
        }
    }
    const m = changeMatrix(base ?? { actual: [], predicted: [] }, head);
    const examples = base && idColumn ? exampleChange(base, head) : undefined;
    const markdown = render(path, m, base, head, examples, notes, o.maxIds ?? DEFAULT_MAX_IDS);
    return {
        markdown,
        data: {
            file: path,
            labels: m.labels,
            ...(base ? { base: m.base } : {}),
            head: m.head,
            accuracy: { ...(base ? { base: accuracy(base) } : {}), head: accuracy(head) },
            ...(examples ? { examples } : {}),
        },
        files: [path],
    };
}
async function readHead(path, workspace, input) {
    try {
        return await (0,contained/* readContained */.gu)(path, { input, boundary: { ...(0,contained/* defaultBoundary */.Yx)(), workspace } }, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            throw new errors/* UserError */.y(`input "${input}": file "${path}" does not exist`, { input });
        throw e;
    }
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const pp = (x) => (x === null ? '—' : Math.abs(x) < 0.0005 ? '·' : `${x > 0 ? '+' : '−'}${(Math.abs(x) * 100).toFixed(1)}`);
const signed = (x) => (x === 0 ? '·' : x > 0 ? `+${x}` : `−${-x}`);
function render(path, m, base, head, examples, notes, maxIds) {
    const parts = [`**Confusion** (${(0,section_escape/* codeSpan */.SS)(path)})`];
    const n = (k) => `${k} example${k === 1 ? '' : 's'}`;
    const acc = base
        ? `Accuracy ${pct(accuracy(base))} → ${pct(accuracy(head))} on ${base.actual.length} → ${n(head.actual.length)}.`
        : `Accuracy ${pct(accuracy(head))} on ${n(head.actual.length)}.`;
    parts.push(acc);
    const labels = m.labels.map((l) => (0,section_escape/* escapeCell */.kq)(l));
    const grid = (cell) => (0,section_escape/* table */.tp)(['actual \\ predicted', ...labels], m.labels.map((_, i) => [`**${labels[i]}**`, ...m.labels.map((_, j) => cell(i, j))]), ['l', ...m.labels.map(() => 'r')]);
    if (!base) {
        if (m.labels.length <= MAX_MATRIX_CLASSES)
            parts.push(grid((i, j) => String(m.head[i][j])));
    }
    else {
        if (m.labels.length <= MAX_MATRIX_CLASSES) {
            parts.push(`Change in counts (head − base):\n\n${grid((i, j) => signed(m.counts[i][j]))}`);
            parts.push(`Change in share of each actual class, in percentage points (each side's rows normalised to its own total first, then subtracted; a row sums to 0):\n\n${grid((i, j) => pp(m.shares[i][j]))}`);
        }
        else
            parts.push(`<sub>${m.labels.length} classes: the matrices are left out (at most ${MAX_MATRIX_CLASSES}), the pairs that moved most are listed.</sub>`);
        const moved = movedPairs(m, MOVED_PAIRS);
        parts.push(moved.length > 0 ? `Mistakes that moved most:\n\n${moved.map(pairLine).join('\n')}` : 'No mistake moved: the off-diagonal counts are the same.');
    }
    if (examples)
        parts.push(renderExamples(examples, maxIds));
    if (notes.length > 0)
        parts.push(`<sub>${notes.map(section_escape/* escapeHtml */.ZD).join(' ')}</sub>`);
    return parts.join('\n\n');
}
function pairLine(p) {
    const share = p.share === null ? '' : `, ${pp(p.share)} pp of actual ${(0,section_escape/* escapeCell */.kq)(p.actual)}`;
    return `- actual ${(0,section_escape/* codeSpan */.SS)(p.actual)} predicted as ${(0,section_escape/* codeSpan */.SS)(p.predicted)}: ${p.base} → ${p.head} (${signed(p.head - p.base)}${share})`;
}
function renderExamples(e, maxIds) {
    const list = (ids) => {
        if (ids.length === 0)
            return 'none';
        const shown = ids.slice(0, maxIds).map(section_escape/* codeSpan */.SS).join(', ');
        return ids.length > maxIds ? `${shown}, … (${ids.length - maxIds} more)` : shown;
    };
    const lines = [`- Newly wrong (${e.newlyWrong.length}): ${list(e.newlyWrong)}`, `- Newly right (${e.newlyRight.length}): ${list(e.newlyRight)}`];
    const rest = [
        e.onlyHead > 0 ? `${e.onlyHead} ids only in head` : '',
        e.onlyBase > 0 ? `${e.onlyBase} only in base` : '',
        e.relabelled > 0 ? `${e.relabelled} with a different actual class on each side (each side judged on its own)` : '',
    ].filter(Boolean);
    const note = rest.length > 0 ? `\n\n<sub>Not compared: ${rest.join(', ')}.</sub>` : '';
    return `**Examples** (by id; ids only, at most ${maxIds} each):\n\n${lines.join('\n')}${note}`;
}
//# sourceMappingURL=compare.js.map

/***/ })

};
