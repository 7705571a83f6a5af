"""A builder function defines an inner step that closes over the builder's layer; the step is
called on the raw input instead of the embedded one."""
import typedflux as tf
from typedflux import Dense, Tensor, relu


def build(d_in: int, d_h: int) -> Tensor:
    embed = Dense(d_in, d_h, relu)
    mix = Dense(d_h, d_h)

    def step(h: Tensor) -> Tensor:
        return h + mix(h)

    x = tf.randn(3, d_in)
    return step(x)  # BUG  # E: Dense(32 => 32) expects input Tensor[..., 32], got Tensor[3, 10]; need size 32 at axis -1 (got 10)  [shape]  # N: for the call build(10, 32) (line 18)


print(build(10, 32).shape)
