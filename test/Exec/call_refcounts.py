# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# CALL moves the caller's references into a Python callee's frame (the arguments and the
# function), so sys.getrefcount of a temporary argument is 2 in the callee and `del` of
# it runs __del__ at once; other callables borrow the arguments, which are released when
# they return. Every way compiled code calls: positional, keywords (KW_NAMES), methods
# (LOAD_METHOD), bound methods, *args/**kwargs (CALL_FUNCTION_EX: not moved), *args and
# **kwargs parameters, defaults, a callee that is not compiled, C functions, classes,
# generators, callees that raise and calls that fail to bind.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def meth(self, o):
        print("meth", sys.getrefcount(self), sys.getrefcount(o))
        del o
        print("meth after del")


def pos(o):
    print("pos", sys.getrefcount(o))
    del o
    print("pos after del")


def dflt(o, p=None):
    print("dflt", sys.getrefcount(o))
    del o
    print("dflt after del")


def kw(a, *, o):
    print("kw", sys.getrefcount(o))
    del o
    print("kw after del")


def star(*args):
    print("star", sys.getrefcount(args[0]))


def dstar(**kwargs):
    print("dstar", sys.getrefcount(kwargs["o"]))


def boom(o):
    print("boom", sys.getrefcount(o))
    raise ValueError(o.name)


def gen(o):
    print("gen", sys.getrefcount(o))
    yield o.name


class Named(Noisy):
    def __str__(self):
        return self.name


class Init:
    def __init__(self, o):
        print("init", sys.getrefcount(o))


# Not compiled by `pyllc --run` (made at run time): the interpreter runs its frame.
exec("def interp(o):\n print('interp', sys.getrefcount(o))\n del o\n print('interp after del')")


def main():
    pos(Noisy("p"))
    # CHECK: pos 2
    # CHECK-NEXT: del p
    # CHECK-NEXT: pos after del
    x = Noisy("x")
    pos(x)
    # CHECK-NEXT: pos 3
    # CHECK-NEXT: pos after del
    dflt(Noisy("d"))
    # CHECK-NEXT: dflt 2
    # CHECK-NEXT: del d
    kw(1, o=Noisy("k"))
    # CHECK: kw 2
    # CHECK-NEXT: del k
    y = Noisy("self")
    y.meth(Noisy("m"))
    # CHECK: meth 3 2
    # CHECK-NEXT: del m
    bound = y.meth
    bound(Noisy("b"))
    # CHECK: meth 4 2
    # CHECK-NEXT: del b
    del bound
    star(Noisy("s"))
    # CHECK: star 2
    # CHECK-NEXT: del s
    dstar(o=Noisy("ds"))
    # CHECK-NEXT: dstar 2
    # CHECK-NEXT: del ds
    # CALL_FUNCTION_EX: the list becomes a tuple (the list released before the call),
    # whose items the callee's frame borrows; the keyword dict is unpacked into new refs.
    pos(*[Noisy("ex")])
    # CHECK-NEXT: pos 3
    # CHECK-NEXT: pos after del
    # CHECK-NEXT: del ex
    pos(**{"o": Noisy("exkw")})
    # CHECK-NEXT: pos 4
    star(*(Noisy("ex2"),))
    # CHECK: star 3
    interp(Noisy("i"))
    # CHECK: interp 2
    # CHECK-NEXT: del i
    # CHECK-NEXT: interp after del
    print("len", len([Noisy("c")]))
    # CHECK-NEXT: del c
    # CHECK-NEXT: len 1
    print("c", sys.getrefcount(Noisy("c2")))
    # CHECK-NEXT: del c2
    # CHECK-NEXT: c 1
    print("str", str(Named("s")))
    # CHECK-NEXT: del s
    # CHECK-NEXT: str s
    Init(Noisy("cls"))
    # CHECK-NEXT: init 4
    # CHECK-NEXT: del cls
    print(next(gen(Noisy("g"))))
    # CHECK-NEXT: gen 2
    # CHECK-NEXT: del g
    # CHECK-NEXT: g
    try:
        boom(Noisy("r"))
    except ValueError as e:
        print("caught", e)
    # CHECK-NEXT: boom 2
    # CHECK-NEXT: caught r
    # CHECK-NEXT: del r
    try:
        pos(Noisy("t1"), Noisy("t2"))
    except TypeError as e:
        print("caught", e)
    # An extra positional argument is released before the error, the bound ones after.
    # CHECK-NEXT: del t2
    # CHECK-NEXT: del t1
    # CHECK-NEXT: caught pos() takes 1 positional argument but 2 were given
    try:
        kw(1, o=Noisy("t3"), q=Noisy("t4"))
    except TypeError as e:
        print("caught", e)
    # CHECK-NEXT: del t4
    # CHECK-NEXT: del t3
    # CHECK-NEXT: caught kw() got an unexpected keyword argument 'q'
    try:
        Noisy.meth(Noisy("t5"))
    except TypeError as e:
        print("caught", e)
    # CHECK-NEXT: del t5
    # CHECK-NEXT: caught Noisy.meth() missing 1 required positional argument: 'o'
    print("end main")
    # CHECK-NEXT: end main


main()
print("end")
