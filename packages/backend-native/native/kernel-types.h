// Types the addon and the kernels of every instruction set share.
#pragma once

#include <cstdint>

#include "activation-kernels.h"
#include "expression-program.h"

namespace nabla {

struct AdamStep {
  double lr, beta1, beta2, eps;
  // 1 − β₁ᵗ and 1 − β₂ᵗ, computed by the caller so they match the reference backend bit for bit.
  double correction1, correction2;
};

// One dropout mask (@nabla/core's DropoutMask): Philox's key, the largest kept word and a kept
// element's value 1/(1 − p).
struct DropoutDraw {
  std::uint32_t key0, key1, keep_max;
  double scale;
};

}  // namespace nabla
