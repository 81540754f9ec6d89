// A zero-filled array owned by one kernel call, in place of std::vector. std::vector's members
// are library code: compiled into an AVX translation unit and not inlined there, they become
// weak symbols that the linker may share with the generic path, which would then run AVX
// instructions. This class lives in the instruction set's namespace, so its code cannot be shared.
#pragma once

#include <cstdint>

namespace nabla {
namespace NABLA_ISA {

template <typename T>
class ScratchArray {
 public:
  explicit ScratchArray(std::int64_t count) : data_(new T[static_cast<std::size_t>(count)]()) {}
  ScratchArray(ScratchArray&& other) noexcept : data_(other.data_) { other.data_ = nullptr; }
  ~ScratchArray() { delete[] data_; }
  ScratchArray(const ScratchArray&) = delete;
  ScratchArray& operator=(const ScratchArray&) = delete;

  T* data() const { return data_; }
  T& operator[](std::int64_t i) const { return data_[i]; }

 private:
  T* data_;
};

}  // namespace NABLA_ISA
}  // namespace nabla
