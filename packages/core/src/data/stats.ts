/**
 * The few distribution functions drift tests need. Written here because no maintained npm package
 * offers the two-sample statistics (KS with its p-value, Wasserstein, chi-square on counts) over
 * typed arrays; the special functions are the textbook ones (Lanczos' log-gamma, the series and
 * continued fraction for the incomplete gamma, Kolmogorov's series).
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = 0.99999999999980993;
  const t = x + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i] / (x + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // Series for P(a, x).
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lead) * h);
}

/** P(X >= x) for a chi-square distribution with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  if (df <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/** Complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Kolmogorov's limiting distribution: P(K > lambda). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += j % 2 === 1 ? term : -term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Two-sample Kolmogorov–Smirnov on sorted samples: the statistic D and its asymptotic p-value
 *  (with Stephens' small-sample correction). */
export function ksTwoSample(a: Float64Array, b: Float64Array): { statistic: number; pValue: number } {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: 0, pValue: 1 };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = a[i] <= b[j] ? a[i] : b[j];
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    const diff = Math.abs(i / n - j / m);
    if (diff > d) d = diff;
  }
  const ne = Math.sqrt((n * m) / (n + m));
  return { statistic: d, pValue: kolmogorovSurvival((ne + 0.12 + 0.11 / ne) * d) };
}

/** First Wasserstein distance between two empirical distributions (sorted samples). */
export function wasserstein(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  // Integrate |F_a - F_b| over the merged support.
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0], b[0]);
  let total = 0;
  while (i < n || j < m) {
    const x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    total += Math.abs(i / n - j / m) * (x - prev);
    prev = x;
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
  }
  return total;
}

/** How many of the counted values fall on `keys` (a key never counted counts 0). */
function countOver(keys: string[], counts: Map<string, number>): number {
  let total = 0;
  for (const k of keys) total += counts.get(k) ?? 0;
  return total;
}

/** Proportions over a shared key order. */
export function proportions(keys: string[], counts: Map<string, number>): number[] {
  const total = countOver(keys, counts);
  return keys.map((k) => (total > 0 ? (counts.get(k) ?? 0) / total : 0));
}

/** Jensen–Shannon distance with natural logarithms (scipy.spatial.distance.jensenshannon). */
export function jensenShannon(p: number[], q: number[]): number {
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    if (p[i] > 0) js += 0.5 * p[i] * Math.log(p[i] / m);
    if (q[i] > 0) js += 0.5 * q[i] * Math.log(q[i] / m);
  }
  return Math.sqrt(Math.max(0, js));
}

/** Population stability index; empty bins get 0.0001 as Evidently does, so the log stays finite. */
export function psi(ref: number[], cur: number[]): number {
  let total = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] === 0 ? 0.0001 : ref[i];
    const c = cur[i] === 0 ? 0.0001 : cur[i];
    total += (r - c) * Math.log(r / c);
  }
  return total;
}

/**
 * Chi-square test of homogeneity on the 2 x k table of reference and current counts (scipy's
 * chi2_contingency without continuity correction). Evidently compares the current counts with the
 * reference proportions instead, which makes one row of a category the reference never had an
 * infinite statistic; the contingency form weighs such a row like any other.
 */
export function chiSquareTest(keys: string[], ref: Map<string, number>, cur: Map<string, number>): number {
  const refTotal = countOver(keys, ref);
  const curTotal = countOver(keys, cur);
  const total = refTotal + curTotal;
  if (refTotal === 0 || curTotal === 0) return 1;
  let stat = 0;
  let categories = 0;
  for (const k of keys) {
    const r = ref.get(k) ?? 0;
    const c = cur.get(k) ?? 0;
    if (r + c === 0) continue;
    categories++;
    const er = ((r + c) * refTotal) / total;
    const ec = ((r + c) * curTotal) / total;
    stat += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec;
  }
  return categories < 2 ? 1 : chiSquareSurvival(stat, categories - 1);
}

/** Two-proportion z-test on the share of the first key (binary columns), two-sided p-value. */
export function zTest(keys: string[], ref: Map<string, number>, cur: Map<string, number>): number {
  const n1 = countOver(keys, ref);
  const n2 = countOver(keys, cur);
  if (n1 === 0 || n2 === 0 || keys.length < 2) return 1;
  const k0 = keys[0];
  const p1 = (ref.get(k0) ?? 0) / n1;
  const p2 = (cur.get(k0) ?? 0) / n2;
  const p = ((ref.get(k0) ?? 0) + (cur.get(k0) ?? 0)) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return p1 === p2 ? 1 : 0;
  return erfc(Math.abs(p1 - p2) / se / Math.SQRT2);
}

/** Counts of sorted values in equal-width bins over [lo, hi] (numpy's histogram, last bin closed). */
export function histogram(sorted: Float64Array, lo: number, hi: number, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (const x of sorted) {
    let b = width > 0 ? Math.floor((x - lo) / width) : 0;
    if (b >= bins) b = bins - 1;
    if (b < 0) b = 0;
    out[b]++;
  }
  return out;
}
