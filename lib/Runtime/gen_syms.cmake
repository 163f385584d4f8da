# gen_syms.cmake - turns `llvm-nm --just-symbol-name` output (IN) into rt_inline_syms.h
# (OUT): one X(name) per function rt_inline.c defines, so that the JIT can define every
# inline helper as an absolute symbol (-O0 calls them instead of inlining) without a
# hand-kept list.
file(STRINGS ${IN} names)
set(text "/* Generated from rt_inline.bc by lib/Runtime/gen_syms.cmake: do not edit. */\n")
string(APPEND text "#define RT_INLINE_LIST(X) \\\n")
foreach(n ${names})
  if(n MATCHES "^rt_[A-Za-z0-9_]+$")
    string(APPEND text "  X(${n}) \\\n")
  endif()
endforeach()
string(APPEND text "\n")
file(WRITE ${OUT}.tmp "${text}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
