const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double into two halves

const bitsView = new Float64Array(1);
const wordsView = new Uint32Array(bitsView.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;

/**
 * a·b + c with a single rounding (Boldo and Melquiond, "Emulation of FMA and correctly rounded
 * sums", 2008): the product and the sum are split exactly, and the low parts are added with
 * rounding to odd so the final rounding to nearest cannot round twice. Exact for the finite,
 * non-underflowing arguments the logarithm passes.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
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
