"""A layer written as a nested function closing over a projection; the projection is
applied to the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


def make_model() -> Chain:
    proj = Dense(32, 8)

    def mix(h: Tensor) -> Tensor:
        return proj(h) * 2.0

    return Chain(Dense(5, 16, relu), mix)


print(make_model()(tf.randn(2, 5)).shape)  # BUG[gap flow: a helper binding a layer and a nested one-return def over it (return Chain(Dense(5, 16, relu), mix)) leaves the Chain's call unknown]
