"""Scaled dot-product attention with einsum: the score subscripts contract time with features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def attend(q: Tensor[B, 6, 16], k: Tensor[B, 6, 16], v: Tensor[B, 6, 16]) -> Tensor[B, 6, 16]:
    scores = tf.einsum("btd,bsd->bts", q, k) / 4.0
    return tf.einsum("bts,bsd->btd", scores.softmax(axis=-1), v)


x = tf.randn(2, 6, 16)
print(attend(x, x, x).shape)
