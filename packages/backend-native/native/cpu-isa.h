// Which of the kernels' instruction sets this CPU and its operating system can run.
#pragma once

namespace nabla {

struct CpuIsaSupport {
  // AVX2 and FMA, with the YMM state enabled by the OS.
  bool avx2;
  // AVX-512 F, BW, DQ and VL on top of AVX2, with the ZMM and mask state enabled by the OS.
  bool avx512;
};

// Read once from cpuid and XGETBV. The generic path needs nothing beyond x86-64.
const CpuIsaSupport& cpu_isa_support();

}  // namespace nabla
