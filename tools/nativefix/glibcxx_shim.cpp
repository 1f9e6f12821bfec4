// Supplies std::ios_base_library_init() for libLibTorchSharp.so on systems whose libstdc++ predates
// GCC 13 (GLIBCXX_3.4.32). In GCC 13 the function is empty: <iostream> references it only so that the
// library's own stream initialisation is linked in, which older libstdc++ performs unconditionally.
namespace std
{
__attribute__((visibility("default"))) void ios_base_library_init() {}
}
