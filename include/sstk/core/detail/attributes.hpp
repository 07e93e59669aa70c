// Inlining attributes for the few places where they matter: hot one-liners forced inline, and the
// shared codec loops kept out of line (inlined into each DTO's code they would be compiled and
// optimised once per DTO, which is what made large generated headers slow to build).
#pragma once

#if defined(__GNUC__)
#define SSTK_ALWAYS_INLINE [[gnu::always_inline]] inline
#define SSTK_NOINLINE [[gnu::noinline]]
#else
#define SSTK_ALWAYS_INLINE inline
#define SSTK_NOINLINE
#endif
