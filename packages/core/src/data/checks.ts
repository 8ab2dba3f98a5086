import type { CheckName } from './types.js';

/**
 * What each check is called where a person reads it: the report's table of failed checks, the
 * annotation titles (`bill_mm: not null`) and their headlines. One table, so the log and the
 * report never name a check two ways; a new check cannot be added without its title.
 */
export const CHECK_TITLES: Readonly<Record<CheckName, string>> = {
  type: 'type',
  not_null: 'not null',
  min: 'min',
  max: 'max',
  enum: 'allowed values',
  pattern: 'pattern',
  unique: 'unique',
  column_present: 'column present',
  extra_column: 'no extra columns',
  field_count: 'field count',
  not_empty: 'not empty',
  row_count: 'row count',
  readable: 'readable',
  schema: 'valid schema',
};

export function checkTitle(check: CheckName): string {
  return CHECK_TITLES[check] ?? check;
}
