import { UserError } from '../errors.js';
import { describe, readTable, tableFormat } from '../plots/table.js';

/**
 * Confusion records and predictions, one row per example: `actual` and `predicted` (as dvclive's
 * sklearn confusion plot writes them, `{"confusion_matrix": [{"actual": .., "predicted": ..}]}`,
 * and as scikit-learn users write a CSV/JSON of y_true, y_pred), and for a predictions file an id
 * column naming each example. Read with the plots' table reader (CSV/TSV, JSON, JSON Lines; the
 * line of every record kept for messages).
 */
export interface Examples {
  file: string;
  actual: string[];
  predicted: string[];
  /** The examples' ids, when read as predictions. */
  ids?: string[];
}

/** Column names accepted for the true class and the predicted one, first found wins. */
export const ACTUAL_COLUMNS = ['actual', 'y_true', 'true', 'label', 'target'];
export const PREDICTED_COLUMNS = ['predicted', 'y_pred', 'pred', 'prediction'];

export interface ReadOptions {
  /** The id column: required for predictions (a UserError when the file has none); undefined for confusion records. */
  idColumn?: string;
}

export async function readExamples(text: string, file: string, o: ReadOptions = {}): Promise<Examples> {
  const t = await readTable(text, file);
  const delimited = ['csv', 'tsv'].includes(tableFormat(file, text.replace(/^\uFEFF/, '')));
  const fields = t.fields;
  const shown =
    fields
      .slice(0, 20)
      .map((f) => JSON.stringify(f))
      .join(', ') || 'none';
  const pick = (names: string[], role: string) => {
    const found = names.find((n) => fields.includes(n));
    if (found === undefined) {
      throw new UserError(`no ${role} column: expected one of ${names.map((n) => `"${n}"`).join(', ')}; the columns are ${shown}`, t.headerPlace);
    }
    return found;
  };
  const actualField = pick(ACTUAL_COLUMNS, 'actual-class');
  const predictedField = pick(PREDICTED_COLUMNS, 'predicted-class');
  const idField = o.idColumn;
  if (idField !== undefined && !fields.includes(idField)) {
    throw new UserError(`no id column "${idField}" (input "id-column"); the columns are ${shown}`, t.headerPlace);
  }
  // In a CSV the column of a cell is its position; in JSON the record's start is the place.
  const placeOf = (i: number, field: string) => ({ ...t.placeOf(i), ...(delimited ? { column: fields.indexOf(field) + 1 } : {}) });
  const label = (row: Record<string, unknown>, field: string, i: number): string => {
    const v = row[field];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new UserError(`record ${i + 1}: "${field}" is ${v === undefined ? 'missing' : describe(v)}, not a class label`, placeOf(i, field));
  };
  const actual: string[] = [];
  const predicted: string[] = [];
  const ids: string[] = [];
  const seen = new Map<string, number>();
  t.rows.forEach((row, i) => {
    actual.push(label(row, actualField, i));
    predicted.push(label(row, predictedField, i));
    if (idField === undefined) return;
    const id = label(row, idField, i);
    const first = seen.get(id);
    if (first !== undefined) {
      const at = t.placeOf(first).line;
      throw new UserError(`duplicate id ${JSON.stringify(id)} in the "${idField}" column (first at line ${at})`, placeOf(i, idField));
    }
    seen.set(id, i);
    ids.push(id);
  });
  return { file, actual, predicted, ...(idField !== undefined ? { ids } : {}) };
}
