// The pixel loops (scaling, PNG filtering and unfiltering, colour analysis) are compiled twice:
// for the x86-64 baseline every Debian machine has (SSE2), and for AVX2, chosen once when the
// program starts on a CPU that has it (GCC's target_clones: an ifunc). Everything they call in
// their own file is inlined into each copy (flatten), so the whole loop gets the wider vectors.
// Not FMA: a fused multiply-add rounds differently, and a picture must not depend on the CPU
// that made it (the AVX2 copy's PDF and EPUB of the corpora are byte for byte the baseline's;
// the tests, on a machine with AVX2, check that copy against references).
// Measured (interleaved medians, 9 pairs): cold build of terrytangyuan 0.829 -> 0.799 s,
// 1.512 -> 1.467 s of CPU; the same as compiling the whole files for AVX2.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define PP_PIXEL_LOOP __attribute__((target_clones("avx2", "default"), flatten))
#else
#define PP_PIXEL_LOOP
#endif
