"""Layer calls whose type context is a union: Optional targets, Union returns and arguments."""
from typing import List, Optional, TypeVar, Union

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
ln = LayerNorm(8)
d = Dense(8, 8)


def f1(x: Tensor[B, 8]) -> Optional[Tensor[B, 8]]:
    return ln(x)


def f2(x: Tensor[B, 8]) -> Union[Tensor[B, 8], int]:
    return d(x)


def g(y: Union[Tensor[B, 8], None]) -> int:
    return 0 if y is None else y.shape[0]


def f3(x: Tensor[B, 8]) -> int:
    return g(ln(x))


def f4(x: Tensor[B, 8]) -> None:
    y: Optional[Tensor[B, 8]] = None
    y = ln(x)
    ys: List[Union[Tensor[B, 8], int]] = [d(x), 3]
    print(y.shape, len(ys))


def f5(x: Tensor[B, 8], cache: Optional[Tensor[B, 8]]) -> Tensor[B, 8]:
    cache = ln(x) if cache is None else cache
    cache = d(cache)
    return cache


x = tf.randn(2, 8)
r1 = f1(x)
print(r1.shape if r1 is not None else None, f2(x), f3(x), f5(x, None).shape)
f4(x)
