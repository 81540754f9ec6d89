// Inverted dropout with its mask drawn from Philox4x32-10, as @nabla/core's DropoutMask defines it:
// element k is kept when word k mod 4 of the block ⌊k/4⌋ under the key is at most keep_max. Only
// 32-bit integer arithmetic decides the mask, so every instruction set and thread count draws the
// reference's mask bit for bit; the rounds run over 16 blocks at once so the compiler vectorizes
// the 32×32→64-bit products.
#include <algorithm>

#include "kernels.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

constexpr std::uint32_t kMultiplier0 = 0xD2511F53u;
constexpr std::uint32_t kMultiplier1 = 0xCD9E8D57u;
constexpr std::uint32_t kKeyStep0 = 0x9E3779B9u;
constexpr std::uint32_t kKeyStep1 = 0xBB67AE85u;

constexpr Index kBlocks = 16;
constexpr Index kBatch = 4 * kBlocks;
// A second thread only for masks of over 2^20 elements (~0.8 ms on one core): a Dropout layer's
// 16512 × 16 mask takes 0.2 ms on one AVX-512 core, and on the shared 2-core machine its 2-thread
// median was 1.3 ms, the wait for a free core costing more than the half it saves.
constexpr Index kGrain = Index{1} << 20;

// words[4·b + j] = word j of Philox4x32-10 at counter (first + b as two 32-bit halves, 0, 0).
// The ten rounds are unrolled inside the loop over blocks, so that loop vectorizes across blocks.
void philox_batch(std::uint64_t first, std::uint32_t key0, std::uint32_t key1, std::uint32_t* words) {
  for (Index b = 0; b < kBlocks; ++b) {
    const std::uint64_t block = first + static_cast<std::uint64_t>(b);
    std::uint32_t c0 = static_cast<std::uint32_t>(block), c1 = static_cast<std::uint32_t>(block >> 32), c2 = 0, c3 = 0;
    std::uint32_t k0 = key0, k1 = key1;
#pragma GCC unroll 10
    for (int round = 0; round < 10; ++round) {
      const std::uint64_t product0 = std::uint64_t{kMultiplier0} * c0;
      const std::uint64_t product1 = std::uint64_t{kMultiplier1} * c2;
      c0 = static_cast<std::uint32_t>(product1 >> 32) ^ c1 ^ k0;
      c1 = static_cast<std::uint32_t>(product1);
      c2 = static_cast<std::uint32_t>(product0 >> 32) ^ c3 ^ k1;
      c3 = static_cast<std::uint32_t>(product0);
      k0 += kKeyStep0;
      k1 += kKeyStep1;
    }
    words[4 * b] = c0;
    words[4 * b + 1] = c1;
    words[4 * b + 2] = c2;
    words[4 * b + 3] = c3;
  }
}

}  // namespace

template <typename T>
void dropout(const T* x, T* mask, T* out, const DropoutDraw& draw, Index size, int threads) {
  const T kept = static_cast<T>(draw.scale);
  parallel_for(threads, size, kGrain, [&](Index begin, Index end) {
    alignas(64) std::uint32_t words[kBatch];
    // Batches start on multiples of kBatch elements, so a range may begin inside one.
    for (Index start = begin / kBatch * kBatch; start < end; start += kBatch) {
      philox_batch(static_cast<std::uint64_t>(start / 4), draw.key0, draw.key1, words);
      const Index from = std::max(start, begin), to = std::min(start + kBatch, end);
      for (Index k = from; k < to; ++k) {
        const T m = words[k - start] <= draw.keep_max ? kept : T(0);
        mask[k] = m;
        out[k] = x[k] * m;
      }
    }
  });
}

template void dropout<float>(const float*, float*, float*, const DropoutDraw&, Index, int);
template void dropout<double>(const double*, double*, double*, const DropoutDraw&, Index, int);

}  // namespace NABLA_ISA
}  // namespace nabla
