/**
 * A list input as users write it: one item per line, or comma separated. A comma inside braces is
 * part of a glob (`data/*.{csv,tsv}`), not a separator. Blank items and `#` comment lines drop out.
 * Hand-written: a split that counts brace depth is all it takes, and no list-parsing library
 * knows this input's rules.
 */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (i === text.length || c === '\n' || (c === ',' && depth === 0)) {
      items.push(text.slice(start, i));
      start = i + 1;
      // A line break ends an item whatever its braces: an unclosed brace never swallows the next line.
      if (c === '\n') depth = 0;
    }
  }
  return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

/**
 * A list given once or repeated, as an action input (one value) or a CLI flag (`--data a.csv
 * --data "b.csv,c.csv"`): each value split as splitList does, in the order given. The one way
 * every list input and list flag is read, so a repeated flag and a comma or newline list agree.
 */
export function splitLists(values: string | readonly string[] | undefined): string[] {
  if (values === undefined) return [];
  return (typeof values === 'string' ? [values] : values).flatMap(splitList);
}
