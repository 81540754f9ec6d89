{
  "targets": [
    {
      "target_name": "nabla_kernels",
      "type": "static_library",
      "sources": ["gemm.cc", "linear.cc", "elementwise.cc", "loss.cc", "optimizer.cc"],
      "cflags_cc": ["-O3", "-mavx2", "-mfma", "-fno-math-errno", "-ffp-contract=off", "-std=c++17", "-pthread", "-fPIC"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"]
    },
    {
      "target_name": "nabla_native",
      "sources": ["addon.cc"],
      "dependencies": ["nabla_kernels"],
      "cflags_cc": ["-O3", "-std=c++17", "-pthread"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "ldflags": ["-pthread"]
    }
  ]
}
