// Types the addon and the kernels of every instruction set share.
#pragma once

#include "activation-kernels.h"
#include "expression-program.h"

namespace nabla {

struct AdamStep {
  double lr, beta1, beta2, eps;
  // 1 − β₁ᵗ and 1 − β₂ᵗ, computed by the caller so they match the reference backend bit for bit.
  double correction1, correction2;
};

}  // namespace nabla
