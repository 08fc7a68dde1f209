a = b = c
a, b = 1, 2
a, *b = c
(a, b), c = d
x: int
x: int = 1
(y): int = 2
a.b: int
a[0]: int = 3
del a, b[1], c.d
del (a, b), [c]
pass; break; continue
return
return 1
return 1, *x
return *a, b
if a:
    pass
elif b:
    pass
elif c:
    x
else:
    y
for a, b in c: pass
for (a, b) in c, d: pass
for x, in y: pass
for *a, b in c: pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
with a: pass
with a as b, c as d: pass
with (a as b, c as d,): pass
with (a, b): pass
with (a) as b: pass
with (a, b) as c: pass
with (x for x in y): pass
with a as (b, c): pass
import a
import a.b.c as d, e
from . import x
from .. import (a, b,)
from .m import *
from ...a.b import c as d
from .... import x
if x: pass
