/* Shared by the fuzz harnesses: each defines LLVMFuzzerTestOneInput()
 * (libFuzzer's entry point).  Built with clang -fsanitize=fuzzer for
 * `make fuzz`; built without libFuzzer and linked with replay.c, the
 * same harness replays the seed corpus and every crash once found
 * (tests/fuzz/crashes/) in `make check`. */
#ifndef MADO_FUZZ_H
#define MADO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input (free it). */
char *fuzz_cstr(const uint8_t *data, size_t size);
/* A private temporary directory for the run, made once. */
const char *fuzz_tmpdir(void);

#endif
