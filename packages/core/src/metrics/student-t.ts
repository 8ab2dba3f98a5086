/**
 * Student's t quantile for any positive degrees of freedom (Welch's are fractional).
 *
 * Written here rather than taken from a library: @stdlib/stats-base-dists-t-quantile is exact but
 * brings 136 packages, 900 KB, into the compare-metrics bundle (measured: 992 KB → 1,889 KB); jstat
 * is a 150 KB monolith for the same one function. This is the textbook way: the t tail is a
 * regularized incomplete beta, P(T > t) = I_z(ν/2, 1/2) / 2 with z = ν/(ν + t²), computed by its
 * continued fraction (modified Lentz) with a Lanczos log-gamma, then inverted by bisection, which
 * converges to the last bits whatever the tail. student-t.test.ts checks it against scipy's t.ppf.
 */
export function studentT(p: number, df: number): number {
  if (!(df > 0) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // The lower tail as given when p < 0.5 (no 1 − p to lose digits in), else 1 − p.
  const sign = p < 0.5 ? -1 : 1;
  const tail = p < 0.5 ? p : 1 - p;
  // Near the centre, P(0 < T < t) = I_w(1/2, ν/2) / 2 with w = t²/(ν + t²) keeps the digits that
  // 0.5 − P(T > t) would cancel; in the tails, P(T > t) itself does.
  const central = tail > 0.25;
  const target = central ? 0.5 - tail : tail;
  const beyond = (t: number) => (central ? centralMass(t, df) < target : upperTail(t, df) > target);
  let hi = 1;
  while (beyond(hi)) {
    hi *= 2;
    if (!Number.isFinite(hi)) return sign * Infinity;
  }
  let lo = 0;
  for (let i = 0; i < 2000 && hi - lo > Number.EPSILON * hi; i++) {
    const mid = (lo + hi) / 2;
    if (beyond(mid)) lo = mid;
    else hi = mid;
  }
  return (sign * (lo + hi)) / 2;
}

/** P(0 < T < t) for t ≥ 0. */
export function centralMass(t: number, df: number): number {
  return 0.5 * incompleteBeta((t * t) / (df + t * t), 0.5, df / 2);
}

/** P(T > t) for t ≥ 0. */
export function upperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast below the mean; above it, use I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

const TINY = 1e-300;

function betaFraction(x: number, a: number, b: number): number {
  const [qab, qap, qam] = [a + b, a + 1, a - 1];
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

// Lanczos' coefficients for g = 7, n = 9 (about 15 significant digits).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}
