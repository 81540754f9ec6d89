import type { FloatArray } from "../dtype.js";
import { Mt19937, type Mt19937State } from "./mt19937.js";
import type { RandomGenerator } from "./random-generator.js";

const TWO_POW_53 = 9007199254740992;

/** The state as `RandomState.get_state()` reports it: key, pos, has_gauss, cached_gaussian. */
export interface NumpyRandomStateSnapshot extends Mt19937State {
  hasGauss: boolean;
  gauss: number;
}

/**
 * NumPy's legacy `np.random.RandomState(seed)` stream, reproduced bit for bit: the same
 * MT19937 words, `random_sample`, `randn` (polar method with the cached second normal),
 * `binomial(1, p)` by inversion, and `permutation(n)`. It lets a Nabla run draw exactly the
 * weights, dropout masks and splits of the NumPy reference code for the same seed.
 */
export class NumpyRandomState implements RandomGenerator {
  readonly algorithm = "nabla/numpy";
  private readonly mt: Mt19937;
  private hasGauss = false;
  private gauss = 0;

  /** `seed` must be an integer in [0, 2^32 − 1], as for `np.random.seed`. */
  constructor(seed: number) {
    this.mt = new Mt19937(seed);
  }

  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** random_sample: 27 high bits then 26 more, a 53-bit double in [0, 1). */
  nextDouble(): number {
    const high = this.mt.nextUint32() >>> 5;
    const low = this.mt.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** legacy_gauss: each accepted pair yields two normals; the first is cached for the next call. */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  fillStandardNormal(out: FloatArray): void {
    for (let k = 0; k < out.length; k++) out[k] = this.standardNormal();
  }

  fillUniform(out: FloatArray): void {
    for (let k = 0; k < out.length; k++) out[k] = this.nextDouble();
  }

  /**
   * binomial(1, p, size): NumPy uses inversion for p ≤ 0.5 and counts failures (1 − inversion(1 − p))
   * above it, so the same uniform maps to opposite outcomes on either side of 0.5.
   */
  fillBernoulli(out: FloatArray, p: number): void {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`NumpyRandomState.fillBernoulli: p must be in [0, 1], got ${p}`);
    if (p <= 0.5) {
      const table = binomialInversionTable(1, p);
      for (let k = 0; k < out.length; k++) out[k] = this.binomialInversion(table);
    } else {
      const table = binomialInversionTable(1, 1 - p);
      for (let k = 0; k < out.length; k++) out[k] = 1 - this.binomialInversion(table);
    }
  }

  /** permutation(n): arange(n) shuffled by Fisher–Yates from the end, j = random_interval(i). */
  permutation(n: number): Int32Array {
    const result = new Int32Array(n);
    for (let i = 0; i < n; i++) result[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      const swap = result[i];
      result[i] = result[j];
      result[j] = swap;
    }
    return result;
  }

  /**
   * random_interval(max): uniform integer in [0, max] by masking 32-bit words to the smallest
   * all-ones mask covering max and redrawing the ones above it. Supports max < 2^32.
   */
  randomInterval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) {
      throw new RangeError(`NumpyRandomState.randomInterval: max must be an integer in [0, 2**32 - 1], got ${max}`);
    }
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (this.mt.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  getState(): NumpyRandomStateSnapshot {
    return { ...this.mt.getState(), hasGauss: this.hasGauss, gauss: this.gauss };
  }

  /**
   * random_binomial_inversion: walk the pmf from X = 0, subtracting each probability from one
   * uniform; past `bound` the walk restarts with a fresh uniform (NumPy's guard against rounding).
   */
  private binomialInversion({ n, p, q, qn, bound }: BinomialInversionTable): number {
    let x = 0;
    let px = qn;
    let u = this.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = this.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }
}

/** The constants NumPy caches per (n, p) in its binomial_t, computed with the same expressions. */
interface BinomialInversionTable {
  n: number;
  p: number;
  q: number;
  qn: number;
  bound: number;
}

function binomialInversionTable(n: number, p: number): BinomialInversionTable {
  const q = 1 - p;
  const np = n * p;
  return {
    n,
    p,
    q,
    qn: Math.exp(n * glibcLog(q)), // V8 and glibc exp agree on every dropout rate 0.001..0.999 checked
    bound: Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1))),
  };
}

/*
 * glibc's log, the one NumPy's legacy_gauss calls on Linux x86-64 (glibc >= 2.28, the FMA build
 * chosen on every CPU with FMA and AVX2). V8's Math.log is a different, equally accurate
 * algorithm that disagrees with it in the last bit for about 3% of arguments, and that bit
 * reaches the normal. So the same table, polynomials and operation order are reproduced here,
 * each hardware fused multiply-add by an exact emulation. The algorithm and constants are
 * Szabolcs Nagy's from ARM optimized-routines (math/log.c, log_data.c; MIT licence).
 */

const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
const LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
/** log1p(r) − r ≈ A0 r² + A1 r³ + … for |r| < 1/256, around a table point. */
const A = [-0.5000000000000001, 0.33333333331825593, -0.2499999999622955, 0.20000304511814496, -0.16667054827627667];
/** log1p(r) − r for the inputs within 1/16 of 1, which skip the table. */
const B = [
  -0.5, 0.3333333333333352, -0.24999999999998432, 0.19999999999320328, -0.16666666669929706, 0.14285715076560868,
  -0.12499997863982555, 0.11110712032936046, -0.10000486757818193, 0.09181994006195467, -0.08328363062289341,
];
/** 128 pairs (invc, logc): c near the centre of each subinterval of [0x1.6p-1, 0x1.6p0), log(c) rounded. */
const LOG_TABLE = new Float64Array([
  1.4504249240398293, -0.3718565645633589,
  1.442253508327276, -0.36620682668944937,
  1.4341736174350004, -0.3605888069791945,
  1.426183816329995, -0.3550022171419869,
  1.4182825527052965, -0.34944666968829097,
  1.4104682921759335, -0.3439217713603284,
  1.4027396147468003, -0.3384271921261188,
  1.3950954438932313, -0.332962831494342,
  1.3875338232485754, -0.32752794345742586,
  1.3800539211058593, -0.32212257167088865,
  1.3726542695419708, -0.3167462884799761,
  1.3653332798446802, -0.3113985598928366,
  1.358090204587874, -0.3060794515165526,
  1.3509234892132138, -0.300788424667644,
  1.3438320840699889, -0.2955252968476998,
  1.3368146974742003, -0.29028969275850613,
  1.329870114677736, -0.2850812793277555,
  1.322997339161106, -0.27989987391470095,
  1.316195352741367, -0.27474526621870154,
  1.3094628125672239, -0.2696169863701243,
  1.3027990455471041, -0.26451506180308115,
  1.2962024229438942, -0.2594387762767383,
  1.2896726275815547, -0.2543884090981692,
  1.2832080305745537, -0.24936321635129843,
  1.276807885983376, -0.24436312405975968,
  1.2704714060687552, -0.23938801747897287,
  1.2641976054949482, -0.23443761696705678,
  1.257985357514882, -0.22951151871518505,
  1.2518337750655457, -0.2246094963439873,
  1.2457421919097305, -0.21973149037705753,
  1.2397094966625508, -0.2148770752847895,
  1.2337348463589233, -0.210046029103637,
  1.2278176973028803, -0.20523836373934046,
  1.2219570190618474, -0.20045368751368642,
  1.2161519732977757, -0.1956917537758045,
  1.2104018095009725, -0.19095237845203883,
  1.204705805718973, -0.18623539250290833,
  1.1990631185441964, -0.18154051731551135,
  1.1934733004462308, -0.1768677957431919,
  1.1879350812847385, -0.17221657406412305,
  1.1824481322833125, -0.16758697765942543,
  1.1770114976921955, -0.16297859687290384,
  1.1716248121809465, -0.15839151377804228,
  1.1662869231674715, -0.15382513241456763,
  1.1609977486762766, -0.14927976358922024,
  1.1557563220795803, -0.14475495398119165,
  1.1505619105480347, -0.14025044090817573,
  1.1454138888505974, -0.1357660466685502,
  1.140311877374656, -0.1313018016355727,
  1.1352550225747513, -0.12685731518763532,
  1.1302429094831266, -0.1224325737671279,
  1.1252747693068048, -0.11802724521862729,
  1.1203501571039876, -0.11364127671663482,
  1.1154683327680124, -0.10927434611278386,
  1.1106291463292157, -0.10492665324943573,
  1.1058315813301596, -0.10059761422644442,
  1.1010752177696026, -0.09628717309055901,
  1.0963597137952512, -0.09199534069557558,
  1.0916844827550398, -0.08772190036688698,
  1.0870487291277784, -0.08346643613867855,
  1.082452357388312, -0.07922916827544668,
  1.0778948225025884, -0.0750099004750382,
  1.0733751731601076, -0.07080805133352897,
  1.068893585073351, -0.06662408085151128,
  1.0644491706655506, -0.06245745471915143,
  1.0600414846328305, -0.0583080438042316,
  1.0556701316181605, -0.05417576112313327,
  1.051334750556926, -0.050060547896805474,
  1.0470347288442157, -0.045962101199052086,
  1.0427699229652954, -0.04188056008865715,
  1.0385395013738175, -0.03781540056183985,
  1.034343418940345, -0.03376684757915882,
  1.0301811073173315, -0.029734619131772888,
  1.026052043621297, -0.025718470239212365,
  1.0219561082336197, -0.021718543925430822,
  1.0178926505784922, -0.01773446126981071,
  1.0138614436244586, -0.013766252464051831,
  1.0098620186501341, -0.009813706322574944,
  1.0058938559734134, -0.005876555150052809,
  1.00195696235014, -0.0019550499938532084,
  0.9961089923088509, 0.0038985973556009412,
  0.9884170338185201, 0.011650571286395461,
  0.9808429191005297, 0.019342955478919066,
  0.9733840169987446, 0.0269766014846482,
  0.9660377568876556, 0.034552359728422744,
  0.9588014945307369, 0.04207121767183253,
  0.9516728569073111, 0.049533940950141186,
  0.9446494635965822, 0.056941358295944156,
  0.9377288993026223, 0.06429439168346107,
  0.9309091073790681, 0.0715936354946507,
  0.924187681612722, 0.07884010933776153,
  0.9175626765599192, 0.08603438905970506,
  0.9110320403624034, 0.09317721180013905,
  0.9045935839762024, 0.10026951462748457,
  0.8982456375922825, 0.10731170956330516,
  0.8919860966782501, 0.11430473320717738,
  0.8858131121185129, 0.12124928503033061,
  0.879725075760676, 0.12814583422959913,
  0.8737201372634685, 0.1349951636851756,
  0.8677966405782273, 0.1417978768189414,
  0.8619528050060739, 0.14855476039031146,
  0.8561872354420692, 0.1552661937658968,
  0.8504983927816893, 0.16193275688146969,
  0.8448844572790304, 0.16855539792220497,
  0.8393442741575965, 0.1751343179947753,
  0.8338762249349438, 0.1816702989864325,
  0.8284789320557778, 0.18816387146023317,
  0.8231510800065832, 0.1946155228479256,
  0.8178913903778707, 0.20102572579389744,
  0.8126984007245374, 0.2073952090795501,
  0.8075710029460227, 0.21372429840596396,
  0.8025078881160415, 0.2200135945981856,
  0.7975077379364331, 0.22626374162859975,
  0.792569604966373, 0.23247494747693054,
  0.7876923641254114, 0.23864766620658884,
  0.7828746724940998, 0.24478265647405806,
  0.7781155388790811, 0.25088025827324145,
  0.7734139557869777, 0.2569408552510595,
  0.7687687179914933, 0.26296511155101143,
  0.7641790698041854, 0.2689531327189343,
  0.7596438763692399, 0.27490553924610595,
  0.7551621951078668, 0.2808227248478943,
  0.7507331780216866, 0.286704979267256,
  0.7463557196361751, 0.29255295645509705,
  0.7420289364869653, 0.2983670386142876,
  0.7377521537065876, 0.30414734587282055,
  0.7335242966002608, 0.30989455774829366,
  0.729344777457841, 0.31560871301871884,
]);
const TWO_POW_27 = 134217728;
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double into two halves

const bitsView = new Float64Array(1);
const wordsView = new Uint32Array(bitsView.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;

function glibcLog(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  if (x === 1) return 0;
  bitsView[0] = x < 2.2250738585072014e-308 ? x * 4503599627370496 : x; // subnormals: scale by 2^52
  const shift = x < 2.2250738585072014e-308 ? 52 : 0;
  const high = wordsView[HIGH];
  if (high >= 0x3fee0000 && high < 0x3ff10900) return logNearOne(x);

  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0); c is the table point of z's subinterval.
  const tmp = (high - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 0x7f;
  const k = (tmp >> 20) - shift;
  wordsView[HIGH] = high - (tmp & 0xfff00000);
  const z = bitsView[0];
  const invc = LOG_TABLE[2 * i];
  const logc = LOG_TABLE[2 * i + 1];

  // log(x) = log1p(z/c − 1) + log(c) + k·ln2, with r = z/c − 1 rounded once.
  const r = fusedMultiplyAdd(z, invc, -1);
  const w = fusedMultiplyAdd(k, LN2_HI, logc);
  const hi = r + w;
  const lo = fusedMultiplyAdd(k, LN2_LO, w - hi + r);
  const r2 = r * r;
  const r3 = r * r2;
  const poly = fusedMultiplyAdd(fusedMultiplyAdd(r, A[4], A[3]), r2, fusedMultiplyAdd(r, A[2], A[1]));
  return fusedMultiplyAdd(r3, poly, fusedMultiplyAdd(r2, A[0], lo)) + hi;
}

/** |x − 1| < 1/16: log1p(r) with r = x − 1 exact, r² / 2 split into exact high and low parts. */
function logNearOne(x: number): number {
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const p1 = fusedMultiplyAdd(r2, B[3], fusedMultiplyAdd(r, B[2], B[1]));
  const p4 = fusedMultiplyAdd(r2, B[6], fusedMultiplyAdd(r, B[5], B[4]));
  const p7 = fusedMultiplyAdd(r3, B[10], fusedMultiplyAdd(r2, B[9], fusedMultiplyAdd(r, B[8], B[7])));
  const poly = fusedMultiplyAdd(fusedMultiplyAdd(p7, r3, p4), r3, p1);
  const rhi = r + r * TWO_POW_27 - r * TWO_POW_27;
  const rlo = r - rhi;
  const halfSquare = rhi * rhi * B[0];
  const hi = r + halfSquare;
  const lo = fusedMultiplyAdd(B[0] * rlo, r + rhi, r - hi + halfSquare);
  return fusedMultiplyAdd(poly, r3, lo) + hi;
}

/**
 * a·b + c with a single rounding (Boldo and Melquiond, "Emulation of FMA and correctly rounded
 * sums", 2008): the product and the sum are split exactly, and the low parts are added with
 * rounding to odd so the final rounding to nearest cannot round twice. Exact for the finite,
 * non-underflowing arguments the logarithm passes.
 */
function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const product = a * b;
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  const productError = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
  const sum = c + product;
  const bVirtual = sum - c;
  const sumError = c - (sum - bVirtual) + (product - bVirtual);
  return sum + addRoundToOdd(sumError, productError);
}

/** x + y rounded to the neighbour with an odd last bit whenever the sum is inexact. */
function addRoundToOdd(x: number, y: number): number {
  const sum = x + y;
  const yVirtual = sum - x;
  const error = x - (sum - yVirtual) + (y - yVirtual);
  if (error === 0) return sum;
  bitsView[0] = sum;
  const low = wordsView[LOW];
  if ((low & 1) === 1) return sum;
  // sum is even, so the exact value lies strictly between it and its odd neighbour toward error.
  if (sum > 0 === error > 0) {
    wordsView[LOW] = low + 1;
  } else if (low === 0) {
    wordsView[LOW] = 0xffffffff;
    wordsView[HIGH] -= 1;
  } else {
    wordsView[LOW] = low - 1;
  }
  return bitsView[0];
}
