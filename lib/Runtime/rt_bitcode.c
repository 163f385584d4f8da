/* rt_bitcode.c - embeds rt_inline.c's bitcode (built by clang-19, path in RT_BITCODE_PATH)
 * into the library as a byte array, so that neither the CLI nor the extension needs a file
 * at run time. */
#include <stddef.h>

#include "rt_abi.h"

#ifndef RT_BITCODE_PATH
#error "RT_BITCODE_PATH must name rt_inline.bc"
#endif

__asm__(".section .rodata\n"
        ".globl rt_bitcode\n"
        ".hidden rt_bitcode\n"
        ".type rt_bitcode, @object\n"
        ".balign 16\n"
        "rt_bitcode:\n"
        ".incbin \"" RT_BITCODE_PATH "\"\n"
        "rt_bitcode_end:\n"
        ".byte 0\n"
        ".globl rt_bitcode_size\n"
        ".hidden rt_bitcode_size\n"
        ".type rt_bitcode_size, @object\n"
        ".balign 8\n"
        "rt_bitcode_size:\n"
        ".quad rt_bitcode_end - rt_bitcode\n"
        ".previous\n");
