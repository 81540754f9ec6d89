/*
 * Reference values from NumPy 2.4.6 (np.random.RandomState, the legacy MT19937 stream) on Linux
 * x86-64, glibc 2.36, a CPU with FMA. Doubles are Python reprs, which round-trip exactly. Each
 * block's comment gives the NumPy expression that produced it.
 */

/** RandomState(42).get_state(): key[:5], key[-3:], pos — init_genrand, before any twist. */
export const SEED_42_STATE = {
  keyHead: [42, 3107752595, 1895908407, 3900362577, 3030691166],
  keyTail: [1329389532, 836540831, 26719530],
  pos: 624,
};

/** bg = np.random.MT19937(); bg._legacy_seeding(42); bg.random_raw(10): the first tempered words. */
export const SEED_42_WORDS = [1608637542, 3421126067, 4083286876, 787846414, 3143890026, 3348747335, 2571218620, 2563451924, 670094950, 1914837113];

/** RandomState(42) after one random_sample(): the first twist has run and two words are used. */
export const SEED_42_STATE_AFTER_ONE_SAMPLE = {
  keyHead: [723970371, 1229153189, 4170412009],
  keyTail: [1432291794, 4088152671],
  pos: 2,
};

/** RandomState(0).random_sample() and RandomState(2**32 - 1).random_sample(): the ends of the seed range. */
export const SEED_0_FIRST_SAMPLE = 0.5488135039273248;
export const SEED_MAX_FIRST_SAMPLE = 0.0976320289940138;

/** RandomState(42).random_sample(10). */
export const SEED_42_SAMPLES = [
  0.3745401188473625, 0.9507143064099162, 0.7319939418114051,
  0.5986584841970366, 0.15601864044243652, 0.15599452033620265,
  0.05808361216819946, 0.8661761457749352, 0.6011150117432088,
  0.7080725777960455,
];

/** RandomState(42): random_sample(500000) (10^6 words, 1603 twists), then random_sample(). */
export const SEED_42_SAMPLE_AFTER_MILLION_WORDS = 0.29911012408583293;

/**
 * RandomState(42).randn(100). These 50 polar pairs include 15 rejected candidates, 4 pairs with
 * r2 within 1/16 of 1 (glibc log's separate branch) and 3 pairs whose normals V8's Math.log
 * would get wrong in the last bit.
 */
export const SEED_42_NORMALS = [
  0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254,
  -0.23415337472333597, -0.23413695694918055, 1.5792128155073915, 0.7674347291529088,
  -0.4694743859349521, 0.5425600435859647, -0.46341769281246226, -0.46572975357025687,
  0.24196227156603412, -1.913280244657798, -1.7249178325130328, -0.5622875292409727,
  -1.0128311203344238, 0.3142473325952739, -0.9080240755212109, -1.4123037013352915,
  1.465648768921554, -0.22577630048653566, 0.06752820468792384, -1.4247481862134568,
  -0.5443827245251827, 0.11092258970986608, -1.1509935774223028, 0.37569801834567196,
  -0.600638689918805, -0.2916937497932768, -0.6017066122293969, 1.8522781845089378,
  -0.013497224737933921, -1.0577109289559004, 0.822544912103189, -1.2208436499710222,
  0.2088635950047554, -1.9596701238797756, -1.3281860488984305, 0.19686123586912352,
  0.7384665799954104, 0.1713682811899705, -0.11564828238824053, -0.3011036955892888,
  -1.4785219903674274, -0.7198442083947086, -0.4606387709597875, 1.0571222262189157,
  0.3436182895684614, -1.763040155362734, 0.324083969394795, -0.38508228041631654,
  -0.6769220003059587, 0.6116762888408679, 1.030999522495951, 0.9312801191161986,
  -0.8392175232226385, -0.3092123758512146, 0.33126343140356396, 0.9755451271223592,
  -0.47917423784528995, -0.18565897666381712, -1.1063349740060282, -1.1962066240806708,
  0.812525822394198, 1.356240028570823, -0.07201012158033385, 1.0035328978920242,
  0.36163602504763415, -0.6451197546051243, 0.36139560550841393, 1.5380365664659692,
  -0.03582603910995154, 1.5646436558140062, -2.6197451040897444, 0.8219025043752238,
  0.08704706823817122, -0.29900735046586746, 0.0917607765355023, -1.9875689146008928,
  -0.21967188783751193, 0.3571125715117464, 1.477894044741516, -0.5182702182736474,
  -0.8084936028931876, -0.5017570435845365, 0.9154021177020741, 0.32875110965968446,
  -0.5297602037670388, 0.5132674331133561, 0.09707754934804039, 0.9686449905328892,
  -0.7020530938773524, -0.3276621465977682, -0.39210815313215763, -1.4635149481321186,
  0.29612027706457605, 0.26105527217988933, 0.00511345664246089, -0.23458713337514692,
];

/** RandomState(12345).randn(400000)[39999::40000], and get_state()[2:] afterwards. */
export const SEED_12345_NORMALS_EVERY_40000 = [
  -0.7735828213654125, 1.6160826003420201, 1.3022465909437864,
  -0.10575342315559871, 0.3054530619768985, 1.7478011297611606,
  1.5165990899819177, 0.9666711259039471, -0.1438373873341883,
  -0.6549950803066606,
];
/**
 * XOR of the low and of the high 32-bit words of every double in RandomState(12345).randn(400000):
 * w = v.view("<u4"); np.bitwise_xor.reduce(w[0::2]), np.bitwise_xor.reduce(w[1::2]). Any single
 * draw off by one ulp changes it. The stream has about 12500 pairs on glibc log's near-1 branch,
 * and draw 339508 is one whose last bit depends on that branch's final fused multiply-add.
 */
export const SEED_12345_NORMALS_XOR = { low: 3327787951, high: 26112302 };
export const SEED_12345_STATE_AFTER_400000_NORMALS = { pos: 576, hasGauss: false, gauss: 0.0 };

/** RandomState(42).permutation(10), and get_state()[2] afterwards. */
export const SEED_42_PERMUTATION_10 = [8, 1, 5, 0, 7, 2, 9, 4, 3, 6];
export const SEED_42_POS_AFTER_PERMUTATION_10 = 10;

/**
 * RandomState(42).permutation(20640): head, tail, and get_state() afterwards. scikit-learn's
 * train_test_split(np.arange(20640), test_size=0.2, random_state=42) (sklearn 1.2.1, NumPy 1.24.2)
 * returns this head as its first test indices and this tail as its last train indices.
 */
export const SEED_42_PERMUTATION_20640 = {
  head: [20046, 3024, 15663, 20484, 9814, 13311, 7113, 7668, 18246, 5723],
  tail: [11363, 14423, 4426, 16850, 6265, 11284, 11964, 5390, 860, 15795],
  keyHead: [316764027, 3391947599, 685860586],
  keyTail: [1155448182, 3107375716, 3395968714],
  pos: 427,
};

/** RandomState(42).binomial(1, p, size=20) for each p; every draw uses one random_sample (2 words). */
export const SEED_42_BERNOULLI: ReadonlyArray<{ p: number; draws: number[] }> = [
  { p: 0.5, draws: [0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0] },
  { p: 0.3, draws: [0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0] },
  { p: 0.8, draws: [1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1] },
  { p: 0.0, draws: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { p: 1.0, draws: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
];

/** RandomState(42): randn(3, 2), binomial(1, 0.5, 5), randn(2) — six normals, so nothing is cached across the binomials. */
export const SEED_42_MIXED_EVEN = {
  normals: [0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254, -0.23415337472333597, -0.23413695694918055],
  bernoulli: [0, 1, 1, 1, 0],
  moreNormals: [-0.580878134023515, -0.5251698071781478],
  stateAfter: { pos: 30, hasGauss: false, gauss: 0.0 },
};

/** RandomState(42): randn(3) leaves the 4th normal cached; binomial(1, 0.5, 5); randn(2) starts with that cached normal. */
export const SEED_42_MIXED_ODD = {
  normals: [0.4967141530112327, -0.13826430117118466, 0.6476885381006925],
  stateAfterNormals: { pos: 8, hasGauss: true, gauss: 1.5230298564080254 },
  bernoulli: [0, 0, 0, 1, 1],
  moreNormals: [1.5230298564080254, -0.580878134023515],
  stateAfter: { pos: 30, hasGauss: true, gauss: -0.5251698071781478 },
};
