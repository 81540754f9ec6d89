# Every kernel source is compiled three times, each into its own static library with its own
# flags and -DNABLA_ISA naming its namespace: AVX-512 (F, BW, DQ, VL), AVX2 with FMA, and generic
# (plain x86-64, SSE2). The addon itself is compiled for plain x86-64 and picks a library's
# kernel table at run time. The libraries are linked generic first: where two of them hold a
# copy of the same inline library function (a std::function call, the thread pool), the linker
# keeps the first, so code shared with the generic path never carries AVX instructions.
{
  "variables": {
    "kernel_sources": ["gemm.cc", "linear.cc", "elementwise.cc", "dropout.cc", "loss.cc", "optimizer.cc", "expression.cc", "kernel-table.cc"],
    "kernel_cflags": ["-O3", "-fno-math-errno", "-ffp-contract=off", "-std=c++17", "-pthread", "-fPIC"]
  },
  "targets": [
    {
      "target_name": "nabla_kernels_generic",
      "type": "static_library",
      "sources": ["<@(kernel_sources)"],
      "defines": ["NABLA_ISA=generic"],
      "cflags_cc": ["<@(kernel_cflags)"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"]
    },
    {
      "target_name": "nabla_kernels_avx2",
      "type": "static_library",
      "sources": ["<@(kernel_sources)"],
      "defines": ["NABLA_ISA=avx2"],
      "cflags_cc": ["<@(kernel_cflags)", "-mavx2", "-mfma"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"]
    },
    {
      "target_name": "nabla_kernels_avx512",
      "type": "static_library",
      "sources": ["<@(kernel_sources)"],
      "defines": ["NABLA_ISA=avx512"],
      "cflags_cc": ["<@(kernel_cflags)", "-mavx512f", "-mavx512bw", "-mavx512dq", "-mavx512vl", "-mavx2", "-mfma"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"]
    },
    {
      "target_name": "nabla_native",
      "sources": ["addon.cc", "cpu-isa.cc"],
      "dependencies": ["nabla_kernels_generic", "nabla_kernels_avx2", "nabla_kernels_avx512"],
      "cflags_cc": ["-O3", "-std=c++17", "-pthread"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "ldflags": ["-pthread"]
    }
  ]
}
