// One name per SIMD operation for both element types, so each kernel is written once as a
// template: Simd<float> and Simd<double> with a Vec type, kLanes values per Vec, kRegisters
// vector registers, and a Mask selecting the first lanes of a partial vector. The flavour is the
// widest the translation unit's compiler flags allow (binding.gyp compiles every kernel source
// once per instruction set), and it lives in that instruction set's namespace.
#pragma once

#ifndef NABLA_ISA
#error "kernel sources are compiled with -DNABLA_ISA=avx512, avx2 or generic (see binding.gyp)"
#endif

#if defined(__AVX512F__)
#include "simd-avx512.h"
#elif defined(__AVX2__)
#include "simd-avx2.h"
#else
#include "simd-sse2.h"
#endif
