// DuckDB (two threads) doing the checks validate-data does on the benchmark file, for one of the
// two schemas of bench/validate-data.mjs. Every column is read as text and cast in the query, as
// validate-data parses each cell. Prints one JSON line: the failing rows per check.
//   node bench/validate-data-duckdb.mjs <csv> <a|b> <enum,values>
import { DuckDBInstance } from '@duckdb/node-api';

const [file, schema, enumList = ''] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const q = (s) => `'${s.replace(/'/g, "''")}'`;
const src = `read_csv(${q(file)}, header = true, all_varchar = true)`;
const int = (c) => `try_cast(${c} AS DOUBLE)`;
const whole = (c) => `(${int(c)} IS NOT NULL AND ${int(c)} = floor(${int(c)}))`;
const checks =
  schema === 'a'
    ? {
        'date.type': `date IS NOT NULL AND try_strptime(date, '%Y-%m-%d %H:%M:%S') IS NULL`,
        'delay.not_null': 'delay IS NULL',
        'delay.type': `delay IS NOT NULL AND NOT ${whole('delay')}`,
        'delay.min': `${whole('delay')} AND ${int('delay')} < -20`,
        'delay.max': `${whole('delay')} AND ${int('delay')} > 300`,
        'distance.not_null': 'distance IS NULL',
        'distance.type': `distance IS NOT NULL AND NOT ${whole('distance')}`,
        'distance.min': `${whole('distance')} AND ${int('distance')} < 100`,
        'origin.pattern': `origin IS NOT NULL AND NOT regexp_full_match(origin, '[A-Z]{3}')`,
      }
    : {
        'delay.min': `${int('delay')} < -20`,
        'distance.max': `${int('distance')} > 2000`,
        'origin.enum': `origin IS NOT NULL AND origin NOT IN (${enumList.split(',').map(q).join(', ')})`,
      };
const select = Object.entries(checks).map(([k, where]) => `count(*) FILTER (WHERE ${where}) AS "${k}"`);
if (schema === 'b') select.push('count(id) - count(DISTINCT id) AS "id.unique"');
const reader = await db.runAndReadAll(`SELECT count(*) AS rows, ${select.join(', ')} FROM ${src}`);
const [row] = reader.getRowObjects();
const failed = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
const rows = failed.rows;
delete failed.rows;
console.log(JSON.stringify({ rows, failed }));
