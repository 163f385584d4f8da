# A script with a syntax error (runner.test).
x = 1
def (:
