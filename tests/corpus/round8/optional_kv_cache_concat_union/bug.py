"""An attention step with an optional KV cache: after the cache is prepended, the keys are
multiplied against queries projected to the wrong head size."""
from typing import Optional

import typedflux as tf
from typedflux import Dense

to_q, to_k = Dense(32, 16), Dense(32, 8)


def step(x: tf.Tensor, cache: Optional[tf.Tensor]) -> tf.Tensor:
    q, k = to_q(x), to_k(x)
    if cache is not None:
        k = tf.concat([cache, k], axis=1)
    return tf.softmax(q @ k.swapaxes(1, 2), axis=-1)


print(step(tf.randn(2, 1, 32), tf.randn(2, 4, 8)).shape)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 1, 16], w has Tensor[2, 8, 5]; need x.shape[-1] == w.shape[-2] (16 vs 8)  [shape]
