# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# The inline fast paths of // % / ** and of mixed int/float arithmetic and compares, at
# the edges where they must hand over to the generic path: zero divisors, results past
# one digit, bools and int subclasses, nan, inf and -0.0, powers float_pow treats apart.
import math


class MyInt(int):
    def __floordiv__(self, o):
        return "MyInt//"

    def __mod__(self, o):
        return "MyInt%"

    def __rtruediv__(self, o):
        return "MyInt r/"


def ops(a, b):
    out = []
    for name, f in (("//", lambda: a // b), ("%", lambda: a % b), ("/", lambda: a / b),
                    ("**", lambda: a ** b), ("+", lambda: a + b), ("-", lambda: a - b),
                    ("*", lambda: a * b)):
        try:
            r = f()
            out.append(f"{name}={r!r}:{type(r).__name__}")
        except Exception as e:
            out.append(f"{name}!{type(e).__name__}:{e}")
    return " ".join(out)


def cmps(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (0, -5), (6, 3), (-6, 3),
         (2**29, 7), (-(2**30) + 1, 3), (2**30 - 1, -(2**30) + 1), (5, 0), (0, 0),
         (2**40, 3), (True, 2), (7, True), (MyInt(7), 2), (7, MyInt(2)),
         (7.5, 2), (2, 0.5), (-0.0, 1), (1, -0.0), (0.0, 0.0), (1e308, 10),
         (float("inf"), 2), (2, float("nan")), (2.0, -1074.0), (2.0, -1075.5),
         (1e-160, 2.0), (1e-200, 2.0), (10.0, 400.0), (-8.0, 1 / 3), (0.0, -1.0),
         (-2.0, 2.0), (1.0, float("inf")), (4.0, 0.5), ("ab", "cd"), ("x", 3), (3, "x")]
for a, b in pairs:
    print(repr(a), repr(b), ops(a, b))
    try:
        print("  cmp", cmps(a, b))
    except TypeError as e:
        print("  cmp!", e)

nan = float("nan")
for a, b in [(nan, nan), (nan, 1), (1, nan), (-0.0, 0), (0, -0.0), (2**30 - 1, 1e9),
             (1, 1.0000000000000002), (3, 3.0), ("abc", "abc"), ("abc", "abd"), ("", ""),
             ("é", "é"), (2**62, 2.0**62), (2**62 + 1, 2.0**62)]:
    print(repr(a), repr(b), cmps(a, b))


class S(str):
    def __eq__(self, o):
        return "S.__eq__"


print(S("a") == "a", "a" == S("a"), "a" != S("b"))
print(math.copysign(1.0, -0.0 * 1), math.copysign(1.0, 0 / -5), 0 / -5)


def acc(n):
    t = 0.0
    k = 0
    s = ""
    for i in range(n):
        t += i * 0.5 - i / 3
        k += i * i % 7 - i // 3
        s = s + str(i % 10)
    return t, k, s[-12:], len(s)


print(acc(50))


def divide(a, b):
    return a // b


def modulo(a, b):
    return a % b


def power(a, b):
    return a ** b


for f, b in ((divide, 0), (modulo, 0), (power, -1.0)):
    try:
        f(0.0 if f is power else 3, b)
    except ZeroDivisionError as e:
        print(f.__name__, "ZeroDivisionError:", e)
divide(3, 0)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 7 2 //=3:int %=1:int /=3.5:float **=49:int +=9:int -=5:int *=14:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: -7 2 //=-4:int %=1:int /=-3.5:float **=49:int +=-5:int -=-9:int *=-14:int
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 7 -2 //=-4:int %=-1:int /=-3.5:float **=0.02040816326530612:float +=5:int -=9:int *=-14:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: -7 -2 //=3:int %=-1:int /=3.5:float **=0.02040816326530612:float +=-9:int -=-5:int *=14:int
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 0 5 //=0:int %=0:int /=0.0:float **=0:int +=5:int -=-5:int *=0:int
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 0 -5 //=0:int %=0:int /=-0.0:float **!ZeroDivisionError:0.0 cannot be raised to a negative power +=-5:int -=5:int *=0:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 6 3 //=2:int %=0:int /=2.0:float **=216:int +=9:int -=3:int *=18:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: -6 3 //=-2:int %=0:int /=-2.0:float **=-216:int +=-3:int -=-9:int *=-18:int
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 536870912 7 //=76695844:int %=4:int /=76695844.57142857:float **=12855504354071922204335696738729300820177623950262342682411008:int +=536870919:int -=536870905:int *=3758096384:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: -1073741823 3 //=-357913941:int %=0:int /=-357913941.0:float **=-1237940035826615764299808767:int +=-1073741820:int -=-1073741826:int *=-3221225469:int
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 1073741823 -1073741823 //=-1:int %=0:int /=-1.0:float **=0.0:float +=0:int -=2147483646:int *=-1152921502459363329:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 5 0 //!ZeroDivisionError:integer division or modulo by zero %!ZeroDivisionError:integer modulo by zero /!ZeroDivisionError:division by zero **=1:int +=5:int -=5:int *=0:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 0 0 //!ZeroDivisionError:integer division or modulo by zero %!ZeroDivisionError:integer modulo by zero /!ZeroDivisionError:division by zero **=1:int +=0:int -=0:int *=0:int
# CHECK-NEXT:   cmp (False, True, True, False, False, True)
# CHECK-NEXT: 1099511627776 3 //=366503875925:int %=1:int /=366503875925.3333:float **=1329227995784915872903807060280344576:int +=1099511627779:int -=1099511627773:int *=3298534883328:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: True 2 //=0:int %=1:int /=0.5:float **=1:int +=3:int -=-1:int *=2:int
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 7 True //=7:int %=0:int /=7.0:float **=7:int +=8:int -=6:int *=7:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 7 2 //='MyInt//':str %='MyInt%':str /=3.5:float **=49:int +=9:int -=5:int *=14:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 7 2 //=3:int %=1:int /='MyInt r/':str **=49:int +=9:int -=5:int *=14:int
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 7.5 2 //=3.0:float %=1.5:float /=3.75:float **=56.25:float +=9.5:float -=5.5:float *=15.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 2 0.5 //=4.0:float %=0.0:float /=4.0:float **=1.4142135623730951:float +=2.5:float -=1.5:float *=1.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: -0.0 1 //=-0.0:float %=0.0:float /=-0.0:float **=-0.0:float +=1.0:float -=-1.0:float *=-0.0:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 1 -0.0 //!ZeroDivisionError:float floor division by zero %!ZeroDivisionError:float modulo /!ZeroDivisionError:float division by zero **=1.0:float +=1.0:float -=1.0:float *=-0.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 0.0 0.0 //!ZeroDivisionError:float floor division by zero %!ZeroDivisionError:float modulo /!ZeroDivisionError:float division by zero **=1.0:float +=0.0:float -=0.0:float *=0.0:float
# CHECK-NEXT:   cmp (False, True, True, False, False, True)
# CHECK-NEXT: 1e+308 10 //=1e+307:float %=6.0:float /=1e+307:float **!OverflowError:(34, 'Numerical result out of range') +=1e+308:float -=1e+308:float *=inf:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: inf 2 //=nan:float %=nan:float /=inf:float **=inf:float +=inf:float -=inf:float *=inf:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 2 nan //=nan:float %=nan:float /=nan:float **=nan:float +=nan:float -=nan:float *=nan:float
# CHECK-NEXT:   cmp (False, False, False, True, False, False)
# CHECK-NEXT: 2.0 -1074.0 //=-1.0:float %=-1072.0:float /=-0.00186219739292365:float **=5e-324:float +=-1072.0:float -=1076.0:float *=-2148.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 2.0 -1075.5 //=-1.0:float %=-1073.5:float /=-0.0018596001859600185:float **=0.0:float +=-1073.5:float -=1077.5:float *=-2151.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 1e-160 2.0 //=0.0:float %=1e-160:float /=5e-161:float **=1e-320:float +=2.0:float -=-2.0:float *=2e-160:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 1e-200 2.0 //=0.0:float %=1e-200:float /=5e-201:float **=0.0:float +=2.0:float -=-2.0:float *=2e-200:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 10.0 400.0 //=0.0:float %=10.0:float /=0.025:float **!OverflowError:(34, 'Numerical result out of range') +=410.0:float -=-390.0:float *=4000.0:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: -8.0 0.3333333333333333 //=-25.0:float %=0.33333333333333287:float /=-24.0:float **=(1.0000000000000002+1.7320508075688772j):complex +=-7.666666666666667:float -=-8.333333333333334:float *=-2.6666666666666665:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 0.0 -1.0 //=-0.0:float %=-0.0:float /=-0.0:float **!ZeroDivisionError:0.0 cannot be raised to a negative power +=-1.0:float -=1.0:float *=-0.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: -2.0 2.0 //=-1.0:float %=0.0:float /=-1.0:float **=4.0:float +=0.0:float -=-4.0:float *=-4.0:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 1.0 inf //=0.0:float %=1.0:float /=0.0:float **=1.0:float +=inf:float -=-inf:float *=inf:float
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 4.0 0.5 //=8.0:float %=0.0:float /=8.0:float **=2.0:float +=4.5:float -=3.5:float *=2.0:float
# CHECK-NEXT:   cmp (False, False, False, True, True, True)
# CHECK-NEXT: 'ab' 'cd' //!TypeError:unsupported operand type(s) for //: 'str' and 'str' %!TypeError:not all arguments converted during string formatting /!TypeError:unsupported operand type(s) for /: 'str' and 'str' **!TypeError:unsupported operand type(s) for ** or pow(): 'str' and 'str' +='abcd':str -!TypeError:unsupported operand type(s) for -: 'str' and 'str' *!TypeError:can't multiply sequence by non-int of type 'str'
# CHECK-NEXT:   cmp (True, True, False, True, False, False)
# CHECK-NEXT: 'x' 3 //!TypeError:unsupported operand type(s) for //: 'str' and 'int' %!TypeError:not all arguments converted during string formatting /!TypeError:unsupported operand type(s) for /: 'str' and 'int' **!TypeError:unsupported operand type(s) for ** or pow(): 'str' and 'int' +!TypeError:can only concatenate str (not "int") to str -!TypeError:unsupported operand type(s) for -: 'str' and 'int' *='xxx':str
# CHECK-NEXT:   cmp! '<' not supported between instances of 'str' and 'int'
# CHECK-NEXT: 3 'x' //!TypeError:unsupported operand type(s) for //: 'int' and 'str' %!TypeError:unsupported operand type(s) for %: 'int' and 'str' /!TypeError:unsupported operand type(s) for /: 'int' and 'str' **!TypeError:unsupported operand type(s) for ** or pow(): 'int' and 'str' +!TypeError:unsupported operand type(s) for +: 'int' and 'str' -!TypeError:unsupported operand type(s) for -: 'int' and 'str' *='xxx':str
# CHECK-NEXT:   cmp! '<' not supported between instances of 'int' and 'str'
# CHECK-NEXT: nan nan (False, False, False, True, False, False)
# CHECK-NEXT: nan 1 (False, False, False, True, False, False)
# CHECK-NEXT: 1 nan (False, False, False, True, False, False)
# CHECK-NEXT: -0.0 0 (False, True, True, False, False, True)
# CHECK-NEXT: 0 -0.0 (False, True, True, False, False, True)
# CHECK-NEXT: 1073741823 1000000000.0 (False, False, False, True, True, True)
# CHECK-NEXT: 1 1.0000000000000002 (True, True, False, True, False, False)
# CHECK-NEXT: 3 3.0 (False, True, True, False, False, True)
# CHECK-NEXT: 'abc' 'abc' (False, True, True, False, False, True)
# CHECK-NEXT: 'abc' 'abd' (True, True, False, True, False, False)
# CHECK-NEXT: '' '' (False, True, True, False, False, True)
# CHECK-NEXT: 'é' 'é' (False, True, True, False, False, True)
# CHECK-NEXT: 4611686018427387904 4.611686018427388e+18 (False, True, True, False, False, True)
# CHECK-NEXT: 4611686018427387905 4.611686018427388e+18 (False, False, False, True, True, True)
# CHECK-NEXT: S.__eq__ S.__eq__ True
# CHECK-NEXT: -1.0 -1.0 -0.0
# CHECK-NEXT: (204.16666666666666, -294, '890123456789', 50)
# CHECK-NEXT: divide ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: modulo ZeroDivisionError: integer modulo by zero
# CHECK-NEXT: power ZeroDivisionError: 0.0 cannot be raised to a negative power
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}fast_paths_numbers.py", line 101, in <module>
# CHECK-NEXT:     divide(3, 0)
# CHECK-NEXT:   File "{{.*}}fast_paths_numbers.py", line 85, in divide
# CHECK-NEXT:     return a // b
# CHECK-NEXT:            ~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: [exit 1]
