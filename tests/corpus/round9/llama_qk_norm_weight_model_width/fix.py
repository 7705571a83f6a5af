"""QK-norm as in newer LLaMA-style models: RMSNorm applied per head, so its weight has the
head's width; it was made with the model's width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)
E = TypeVar("E", bound=int)
D, NH = 64, 4
HD = D // NH


@tf.shapecheck
def rms_norm(x: Tensor[B, T, H, E], weight: Tensor[E]) -> Tensor[B, T, H, E]:
    return x / tf.sqrt((x * x).mean(axis=-1, keepdims=True) + 1e-6) * weight


wq = Dense(D, D, bias=False)
q_norm_weight = tf.ones(HD)
x = tf.randn(2, 5, D)
q = tf.rearrange(wq(x), "b t (h d) -> b t h d", h=NH)
qn = rms_norm(q, q_norm_weight)
print(qn.shape)
