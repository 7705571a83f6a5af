"""Dot-product attention over encoder states uses the decoder state without a time axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
S = TypeVar("S", bound=int)
H = TypeVar("H", bound=int)


def attend(enc: Tensor[B, S, H], dec_h: Tensor[B, H]) -> Tensor[B, H]:
    scores = tf.einsum("bsh,bh->bs", enc, dec_h)
    weights = tf.softmax(scores, axis=-1)
    return (enc * weights[:, :, None]).sum(axis=1)


print(attend(tf.randn(2, 5, 8), tf.randn(2, 8)).shape)
