"""T5.1.1's gated-GELU feed-forward: gelu(wi_0(x)) * wi_1(x); the linear branch was sized
to the model width instead of the feed-forward width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D_MODEL: Final = 32
D_FF: Final = 64


class GatedFF:
    def __init__(self) -> None:
        self.wi_0 = Dense(D_MODEL, D_FF, bias=False)
        self.wi_1 = Dense(D_MODEL, D_MODEL, bias=False)
        self.wo = Dense(D_FF, D_MODEL, bias=False)

    def __call__(self, x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, D_MODEL]:
        return self.wo(tf.gelu(self.wi_0(x)) * self.wi_1(x))  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, T, 64], y has Tensor[B, T, 32]; need equal sizes or 1 at axis -1 (64 vs 32)  [shape]


print(GatedFF()(tf.randn(2, 5, D_MODEL)).shape)
