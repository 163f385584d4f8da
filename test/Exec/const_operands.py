# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# A constant int (one digit) or float on the right of an arithmetic operator or of a
# compare feeding a branch is passed unboxed to the helper (lower.c): every left operand
# type, zero constants, the one-digit boundary and errors must behave as the interpreter.
def arith(x):
    out = []
    for name, f in (("%7", lambda: x % 7), ("//-3", lambda: x // -3), ("-1", lambda: x - 1),
                    ("*3", lambda: x * 3), ("/4", lambda: x / 4), ("**2", lambda: x ** 2),
                    ("+big", lambda: x + 1073741823), ("+bigger", lambda: x + 1073741824),
                    ("&6", lambda: x & 6), ("*0.5", lambda: x * 0.5),
                    ("-2.5", lambda: x - 2.5), ("/0.25", lambda: x / 0.25),
                    ("**-1.5", lambda: x ** -1.5), ("+-0.0", lambda: x + -0.0),
                    ("%2.0", lambda: x % 2.0), ("/0", lambda: x / 0), ("%0", lambda: x % 0),
                    ("/0.0", lambda: x / 0.0), ("**0.5", lambda: x ** 0.5)):
        try:
            r = f()
            out.append(f"{name}={r!r}")
        except Exception as e:
            out.append(f"{name}!{type(e).__name__}")
    return " ".join(out)


class MyInt(int):
    def __sub__(self, o):
        return "MyInt-"

    def __mul__(self, o):
        return "MyInt*"


for x in (10, -10, 0, 1, 2**30 - 1, -(2**30) + 1, 2**30, 2**70, True, MyInt(5), 2.5, -2.5,
          0.0, -0.0, float("inf"), float("nan"), 1e308, "s", [1]):
    print(repr(x), arith(x))


def branches(x):
    out = []
    if x < 2:
        out.append("<2")
    if x >= -1:
        out.append(">=-1")
    if x == 0:
        out.append("==0")
    if x > 2.5:
        out.append(">2.5")
    if x != 0.0:
        out.append("!=0.0")
    return out


for x in (1, 2, 3, -1, -2, 0, 2**40, -(2**40), 2.5, 2.6, float("nan"), -0.0, False, True,
          MyInt(1)):
    print(repr(x), branches(x))


def less_than_two(x):
    if x < 2:
        return True
    return False


print(less_than_two(1))
less_than_two("text")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 10 %7=3 //-3=-4 -1=9 *3=30 /4=2.5 **2=100 +big=1073741833 +bigger=1073741834 &6=2 *0.5=5.0 -2.5=7.5 /0.25=40.0 **-1.5=0.03162277660168379 +-0.0=10.0 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=3.1622776601683795
# CHECK-NEXT: -10 %7=4 //-3=3 -1=-11 *3=-30 /4=-2.5 **2=100 +big=1073741813 +bigger=1073741814 &6=6 *0.5=-5.0 -2.5=-12.5 /0.25=-40.0 **-1.5=(-5.8090098218105805e-18+0.03162277660168379j) +-0.0=-10.0 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=(1.9363366072701937e-16+3.1622776601683795j)
# CHECK-NEXT: 0 %7=0 //-3=0 -1=-1 *3=0 /4=0.0 **2=0 +big=1073741823 +bigger=1073741824 &6=0 *0.5=0.0 -2.5=-2.5 /0.25=0.0 **-1.5!ZeroDivisionError +-0.0=0.0 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=0.0
# CHECK-NEXT: 1 %7=1 //-3=-1 -1=0 *3=3 /4=0.25 **2=1 +big=1073741824 +bigger=1073741825 &6=0 *0.5=0.5 -2.5=-1.5 /0.25=4.0 **-1.5=1.0 +-0.0=1.0 %2.0=1.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=1.0
# CHECK-NEXT: 1073741823 %7=0 //-3=-357913941 -1=1073741822 *3=3221225469 /4=268435455.75 **2=1152921502459363329 +big=2147483646 +bigger=2147483647 &6=6 *0.5=536870911.5 -2.5=1073741820.5 /0.25=4294967292.0 **-1.5=2.8421709470108677e-14 +-0.0=1073741823.0 %2.0=1.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=32767.99998474121
# CHECK-NEXT: -1073741823 %7=0 //-3=357913941 -1=-1073741824 *3=-3221225469 /4=-268435455.75 **2=1152921502459363329 +big=0 +bigger=1 &6=0 *0.5=-536870911.5 -2.5=-1073741825.5 /0.25=-4294967292.0 **-1.5=(-5.220983329329691e-30+2.8421709470108677e-14j) +-0.0=-1073741823.0 %2.0=1.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=(2.0064613147886923e-12+32767.99998474121j)
# CHECK-NEXT: 1073741824 %7=1 //-3=-357913942 -1=1073741823 *3=3221225472 /4=268435456.0 **2=1152921504606846976 +big=2147483647 +bigger=2147483648 &6=0 *0.5=536870912.0 -2.5=1073741821.5 /0.25=4294967296.0 **-1.5=2.842170943040401e-14 +-0.0=1073741824.0 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=32768.0
# CHECK-NEXT: 1180591620717411303424 %7=2 //-3=-393530540239137101142 -1=1180591620717411303423 *3=3541774862152233910272 /4=2.9514790517935283e+20 **2=1393796574908163946345982392040522594123776 +big=1180591620718485045247 +bigger=1180591620718485045248 &6=0 *0.5=5.902958103587057e+20 -2.5=1.1805916207174113e+21 /0.25=4.722366482869645e+21 **-1.5=2.465190328815662e-32 +-0.0=1.1805916207174113e+21 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=34359738368.0
# CHECK-NEXT: True %7=1 //-3=-1 -1=0 *3=3 /4=0.25 **2=1 +big=1073741824 +bigger=1073741825 &6=0 *0.5=0.5 -2.5=-1.5 /0.25=4.0 **-1.5=1.0 +-0.0=1.0 %2.0=1.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=1.0
# CHECK-NEXT: 5 %7=5 //-3=-2 -1='MyInt-' *3='MyInt*' /4=1.25 **2=25 +big=1073741828 +bigger=1073741829 &6=4 *0.5='MyInt*' -2.5='MyInt-' /0.25=20.0 **-1.5=0.08944271909999159 +-0.0=5.0 %2.0=1.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=2.23606797749979
# CHECK-NEXT: 2.5 %7=2.5 //-3=-1.0 -1=1.5 *3=7.5 /4=0.625 **2=6.25 +big=1073741825.5 +bigger=1073741826.5 &6!TypeError *0.5=1.25 -2.5=0.0 /0.25=10.0 **-1.5=0.25298221281347033 +-0.0=2.5 %2.0=0.5 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=1.5811388300841898
# CHECK-NEXT: -2.5 %7=4.5 //-3=0.0 -1=-3.5 *3=-7.5 /4=-0.625 **2=6.25 +big=1073741820.5 +bigger=1073741821.5 &6!TypeError *0.5=-1.25 -2.5=-5.0 /0.25=-10.0 **-1.5=(-4.6472078574484644e-17+0.25298221281347033j) +-0.0=-2.5 %2.0=1.5 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=(9.681683036350969e-17+1.5811388300841898j)
# CHECK-NEXT: 0.0 %7=0.0 //-3=-0.0 -1=-1.0 *3=0.0 /4=0.0 **2=0.0 +big=1073741823.0 +bigger=1073741824.0 &6!TypeError *0.5=0.0 -2.5=-2.5 /0.25=0.0 **-1.5!ZeroDivisionError +-0.0=0.0 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=0.0
# CHECK-NEXT: -0.0 %7=0.0 //-3=0.0 -1=-1.0 *3=-0.0 /4=-0.0 **2=0.0 +big=1073741823.0 +bigger=1073741824.0 &6!TypeError *0.5=-0.0 -2.5=-2.5 /0.25=-0.0 **-1.5!ZeroDivisionError +-0.0=-0.0 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=0.0
# CHECK-NEXT: inf %7=nan //-3=nan -1=inf *3=inf /4=inf **2=inf +big=inf +bigger=inf &6!TypeError *0.5=inf -2.5=inf /0.25=inf **-1.5=0.0 +-0.0=inf %2.0=nan /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=inf
# CHECK-NEXT: nan %7=nan //-3=nan -1=nan *3=nan /4=nan **2=nan +big=nan +bigger=nan &6!TypeError *0.5=nan -2.5=nan /0.25=nan **-1.5=nan +-0.0=nan %2.0=nan /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=nan
# CHECK-NEXT: 1e+308 %7=3.0 //-3=-3.333333333333333e+307 -1=1e+308 *3=inf /4=2.5e+307 **2!OverflowError +big=1e+308 +bigger=1e+308 &6!TypeError *0.5=5e+307 -2.5=1e+308 /0.25=inf **-1.5=0.0 +-0.0=1e+308 %2.0=0.0 /0!ZeroDivisionError %0!ZeroDivisionError /0.0!ZeroDivisionError **0.5=1e+154
# CHECK-NEXT: 's' %7!TypeError //-3!TypeError -1!TypeError *3='sss' /4!TypeError **2!TypeError +big!TypeError +bigger!TypeError &6!TypeError *0.5!TypeError -2.5!TypeError /0.25!TypeError **-1.5!TypeError +-0.0!TypeError %2.0!TypeError /0!TypeError %0!TypeError /0.0!TypeError **0.5!TypeError
# CHECK-NEXT: [1] %7!TypeError //-3!TypeError -1!TypeError *3=[1, 1, 1] /4!TypeError **2!TypeError +big!TypeError +bigger!TypeError &6!TypeError *0.5!TypeError -2.5!TypeError /0.25!TypeError **-1.5!TypeError +-0.0!TypeError %2.0!TypeError /0!TypeError %0!TypeError /0.0!TypeError **0.5!TypeError
# CHECK-NEXT: 1 ['<2', '>=-1', '!=0.0']
# CHECK-NEXT: 2 ['>=-1', '!=0.0']
# CHECK-NEXT: 3 ['>=-1', '>2.5', '!=0.0']
# CHECK-NEXT: -1 ['<2', '>=-1', '!=0.0']
# CHECK-NEXT: -2 ['<2', '!=0.0']
# CHECK-NEXT: 0 ['<2', '>=-1', '==0']
# CHECK-NEXT: 1099511627776 ['>=-1', '>2.5', '!=0.0']
# CHECK-NEXT: -1099511627776 ['<2', '!=0.0']
# CHECK-NEXT: 2.5 ['>=-1', '!=0.0']
# CHECK-NEXT: 2.6 ['>=-1', '>2.5', '!=0.0']
# CHECK-NEXT: nan ['!=0.0']
# CHECK-NEXT: -0.0 ['<2', '>=-1', '==0']
# CHECK-NEXT: False ['<2', '>=-1', '==0']
# CHECK-NEXT: True ['<2', '>=-1', '!=0.0']
# CHECK-NEXT: 1 ['<2', '>=-1', '!=0.0']
# CHECK-NEXT: True
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}const_operands.py", line 67, in <module>
# CHECK-NEXT:     less_than_two("text")
# CHECK-NEXT:   File "{{.*}}const_operands.py", line 61, in less_than_two
# CHECK-NEXT:     if x < 2:
# CHECK-NEXT:        ^^^^^
# CHECK-NEXT: TypeError: '<' not supported between instances of 'str' and 'int'
# CHECK-NEXT: [exit 1]
