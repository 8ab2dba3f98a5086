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
