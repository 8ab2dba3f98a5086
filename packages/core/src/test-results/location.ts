import { isAbsolute, normalize, relative, sep } from 'node:path';

// `path:line:` as pytest's long traceback writes it (`tests/test_x.py:14: AssertionError`), with a
// column after it as Node's stacks and Vitest's `❯ math.test.ts:8:19` write it.
const PATH_LINE = /(?:^|[\s(❯'"])((?:[A-Za-z]:)?[\w./\\@+-]*[\w-]\.[A-Za-z0-9]+):(\d+)(?::\d+)?(?=[:)\s]|$)/gm;
// Python's `File "tests/test_x.py", line 14, in test_x` (unittest-xml-reporting).
const PY_FRAME = /File "([^"]+)", line (\d+)/g;
// Frames that are never the user's test: installed packages.
const VENDORED = /(?:^|\/)(?:node_modules|site-packages|dist-packages|\.venv|venv)\//;

export interface Located {
  file: string;
  line: number;
}

/**
 * The places a failure's traceback names inside the workspace (installed packages left out), the
 * innermost first: in a Python traceback that is the last frame, in a JavaScript or Java stack
 * (`at ...` lines) the first. The caller keeps the first that is a file of the workspace, so a
 * bare `Foo.java:18` or a Go `model_test.go:14` relative to its package is not taken for one.
 */
export function tracebackFrames(text: string, workspace: string): Located[] {
  const frames: Array<Located & { at: number; js: boolean }> = [];
  for (const re of [PATH_LINE, PY_FRAME]) {
    for (const m of text.matchAll(re)) {
      const file = insideWorkspace(m[1], workspace);
      const line = Number(m[2]);
      if (file === undefined || VENDORED.test(file) || !Number.isSafeInteger(line) || line < 1) continue;
      const start = text.lastIndexOf('\n', m.index) + 1;
      frames.push({ file, line, at: m.index, js: /^\s*at\s/.test(text.slice(start, m.index + 1)) });
    }
  }
  frames.sort((a, b) => a.at - b.at);
  const stack = frames.filter((f) => f.js);
  return (stack.length > 0 ? stack : frames.reverse()).map(({ file, line }) => ({ file, line }));
}

/** A path as the workspace knows it (relative, forward slashes), or undefined when it lies outside. */
export function insideWorkspace(path: string, workspace: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  const rel = isAbsolute(p) ? relative(workspace, p) : normalize(p);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/**
 * Where a frame that names a bare file may be in the workspace, from the test's class: Go names
 * the file relative to its package (`model_test.go` of `example.com/churn/model`), Java and
 * Kotlin by its class's package under Maven's and Gradle's source folders.
 */
export function pathsBesideClass(file: string, classname: string | undefined): string[] {
  if (file.includes('/') || !classname) return [file];
  const paths = [file];
  if (classname.includes('/')) {
    const parts = classname.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
    for (let i = 0; i < parts.length; i++) paths.push([...parts.slice(i), file].join('/'));
  } else if (/\.(java|kt|scala|groovy)$/.test(file)) {
    const pkg = classname
      .split('.')
      .slice(0, -1)
      .filter((p) => /^[\w$]+$/.test(p))
      .join('/');
    const lang = file.slice(file.lastIndexOf('.') + 1);
    for (const root of [`src/test/${lang}`, `src/main/${lang}`, 'src/test/java', '']) paths.push([root, pkg, file].filter(Boolean).join('/'));
  }
  return [...new Set(paths)];
}
