"""A layer written as a nested function closing over a projection; the projection is
applied to the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


def make_model() -> Chain:
    proj = Dense(32, 8)

    def mix(h: Tensor) -> Tensor:
        return proj(h) * 2.0

    return Chain(Dense(5, 16, relu), mix)


print(make_model()(tf.randn(2, 5)).shape)  # BUG  # E: Chain layer 2 mix: Dense(32 => 8) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]  # N: input to layer 2: Tensor[2, 16]
