"""Walrus, await and yield inside tensor operands; union names in comparisons."""
import asyncio
import sys
from typing import Generator

import typedflux as tf
from typedflux import Dense

layer = Dense(4, 4)
x = tf.randn(2, 4)
y = (h := layer(x)) + h * 2.0
z = -(g := x.T) @ g.T.T.T
print(y.shape, z.shape)


async def f() -> tf.Tensor:
    async def get() -> tf.Tensor:
        return tf.randn(2, 4)

    return (await get()) + (await get()).sum(axis=0)


def gen() -> Generator[tf.Tensor, tf.Tensor, None]:
    acc = tf.zeros(2, 4)
    while True:
        acc = acc + (yield acc)


print(asyncio.run(f()).shape)
g2 = gen()
next(g2)
print(g2.send(tf.ones(2, 4)).shape)
u = tf.randn(2, 4) if len(sys.argv) > 3 else tf.randn(2, 1)
print((u == (w := tf.randn(2, 4))).shape, (w < u < w).shape if False else None)
