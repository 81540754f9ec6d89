/** Words of Mersenne Twister state; NumPy calls this RK_STATE_LEN. */
export const MT19937_STATE_LENGTH = 624;

const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** A copy of the generator's state, laid out like `RandomState.get_state()[1:3]`. */
export interface Mt19937State {
  /** The 624 words of Mersenne Twister state. */
  key: Uint32Array;
  /** Index of the next word to temper. */
  pos: number;
}

/**
 * The 32-bit Mersenne Twister (Matsumoto and Nishimura) with NumPy's legacy integer seeding,
 * so `new Mt19937(n)` produces the same words as `np.random.RandomState(n)`. All arithmetic is
 * on 32-bit integers (Math.imul, >>> 0), so the stream is exact; the state is regenerated in
 * blocks of 624 words, as in the reference implementation.
 */
export class Mt19937 {
  private readonly key = new Uint32Array(MT19937_STATE_LENGTH);
  private pos = MT19937_STATE_LENGTH;

  /** `seed` must be an integer in [0, 2^32 − 1], the range `RandomState` accepts. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`Mt19937: seed must be an integer between 0 and 2**32 - 1, got ${seed}`);
    }
    // init_genrand: key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >>> 30)) + i (mod 2^32).
    const key = this.key;
    key[0] = seed;
    for (let i = 1; i < MT19937_STATE_LENGTH; i++) {
      const previous = key[i - 1];
      key[i] = Math.imul(1812433253, previous ^ (previous >>> 30)) + i;
    }
  }

  nextUint32(): number {
    if (this.pos === MT19937_STATE_LENGTH) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return (y ^ (y >>> 18)) >>> 0;
  }

  getState(): Mt19937State {
    return { key: this.key.slice(), pos: this.pos };
  }

  /** Continues from a state getState returned (key words are copied). */
  setState(state: Mt19937State): void {
    this.key.set(state.key);
    this.pos = state.pos;
  }

  /** Regenerates all 624 words at once (mt19937_gen). */
  private twist(): void {
    const key = this.key;
    let i = 0;
    for (; i < MT19937_STATE_LENGTH - M; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < MT19937_STATE_LENGTH - 1; i++) {
      const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M - MT19937_STATE_LENGTH] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (key[MT19937_STATE_LENGTH - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[MT19937_STATE_LENGTH - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }
}
