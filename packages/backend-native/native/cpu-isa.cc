// cpuid says what the CPU implements; XGETBV says which register state the operating system
// saves on a context switch. An instruction set is usable only when both agree.
#include "cpu-isa.h"

#include <cpuid.h>

#include <cstdint>

namespace nabla {
namespace {

// XCR0 bits: SSE (1) and AVX (2) state for YMM; opmask (5), upper ZMM0–15 (6) and ZMM16–31 (7).
constexpr std::uint64_t kYmmState = 0x6;
constexpr std::uint64_t kZmmState = 0xe6;

std::uint64_t read_xcr0() {
  std::uint32_t eax, edx;
  // XGETBV by its encoding, so this file needs no -mxsave.
  __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(eax), "=d"(edx) : "c"(0));
  return (static_cast<std::uint64_t>(edx) << 32) | eax;
}

CpuIsaSupport detect() {
  CpuIsaSupport support{false, false};
  unsigned eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return support;
  const bool fma = ecx & bit_FMA;
  const bool osxsave = ecx & bit_OSXSAVE;
  if (!osxsave || __get_cpuid_max(0, nullptr) < 7) return support;
  const std::uint64_t xcr0 = read_xcr0();
  __cpuid_count(7, 0, eax, ebx, ecx, edx);
  support.avx2 = fma && (ebx & bit_AVX2) && (xcr0 & kYmmState) == kYmmState;
  support.avx512 = support.avx2 && (ebx & bit_AVX512F) && (ebx & bit_AVX512BW) && (ebx & bit_AVX512DQ) &&
                   (ebx & bit_AVX512VL) && (xcr0 & kZmmState) == kZmmState;
  return support;
}

}  // namespace

const CpuIsaSupport& cpu_isa_support() {
  static const CpuIsaSupport support = detect();
  return support;
}

}  // namespace nabla
