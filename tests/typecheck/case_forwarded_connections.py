"""A connection that only forwards its inputs to one typedflux op (``lambda a, b: tf.cat(a, b,
axis=1)``, ``tf.concat([a, b], axis=1)``, ``def join(a, b): return tf.add(a, b)``) has that
op's rule where its container is built, as ``tf.cat`` itself has: a Parallel or
SkipConnection that no input fits is reported there, by the run time (which reads the
function's code, never running it) and by the plugin (which reads its source) alike. A body
that does anything else is read where the container is called, as before.
Concrete and symbolic; the same lines raise the same words at run time.
"""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, Dense, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

img = tf.zeros(2, 16, 8, 8)

# An Inception-style join by a cat lambda, then a conv of the wrong width: no input fits.
inception_bad = Chain(Parallel(lambda a, b: tf.cat(a, b, axis=1), Conv((1, 1), 16, 8), Conv((3, 3), 16, 8, pad=1)), Conv((1, 1), 32, 4))  # E: Chain layer 2 Conv((1, 1), 32 => 4) expects input Tensor[B, 32, H, W], but layer 1 Parallel(<lambda>, Conv((1, 1), 16 => 8), Conv((3, 3), 16 => 8, pad=1)) produces Tensor[B, 16, H', W']; change Conv((1, 1), 32 => 4) to Conv((1, 1), 16 => 4)  [shape]
inception = Chain(Parallel(lambda a, b: tf.cat(a, b, axis=1), Conv((1, 1), 16, 8), Conv((3, 3), 16, 8, pad=1)), Conv((1, 1), 16, 4))
reveal_type(inception(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4], Literal[8], Literal[8]]"

# A list of the inputs, a negative axis, a name imported from typedflux.
listed_bad = Chain(Parallel(lambda a, b: tf.concat([a, b], axis=-1), Dense(4, 8), Dense(4, 8)), Dense(8, 2))  # E: Chain layer 2 Dense(8 => 2) expects input Tensor[..., 8], but layer 1 Parallel(<lambda>, Dense(4 => 8), Dense(4 => 8)) produces Tensor[B, 16]; change Dense(8 => 2) to Dense(16 => 2)  [shape]
listed = Chain(Parallel(lambda a, b: tf.concat([a, b], axis=-1), Dense(4, 8), Dense(4, 8)), Dense(16, 2))
# A forwarding connection holds for its own number of inputs only: three branches into a
# two-parameter lambda is a TypeError where called, not a shape error where built.
three_into_two = Chain(Parallel(lambda a, b: tf.cat(a, b, axis=1), Dense(4, 8), Dense(4, 8), Dense(4, 8)), Dense(16, 2))
reveal_type(listed(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"


def join(a, b):
    return tf.add(a, b)


summed_bad = Chain(Parallel(join, Dense(4, 8), Dense(4, 8)), relu, Dense(16, 2))  # E: Chain layer 3 Dense(16 => 2) expects input Tensor[..., 16], but layer 2 relu produces Tensor[B, 8]; change Dense(16 => 2) to Dense(8 => 2)  [shape]
summed = Chain(Parallel(join, Dense(4, 8), Dense(4, 8)), relu, Dense(8, 2))

# A U-Net skip that joins on the channel axis, then the next conv expects the block's width.
unet_bad = Chain(Conv((3, 3), 4, 8, pad=1), SkipConnection(Conv((3, 3), 8, 8, pad=1), lambda mx, x: tf.cat(mx, x, axis=1)), Conv((3, 3), 8, 4, pad=1))  # E: Chain layer 3 Conv((3, 3), 8 => 4, pad=1) expects input Tensor[B, 8, H, W], but layer 2 SkipConnection(Conv((3, 3), 8 => 8, pad=1), <lambda>) produces Tensor[B, 16, H', W']; change Conv((3, 3), 8 => 4, pad=1) to Conv((3, 3), 16 => 4, pad=1)  [shape]
unet = Chain(Conv((3, 3), 4, 8, pad=1), SkipConnection(Conv((3, 3), 8, 8, pad=1), lambda mx, x: tf.cat(mx, x, axis=1)), Conv((3, 3), 16, 4, pad=1))
reveal_type(unet(tf.zeros(2, 4, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4], Literal[8], Literal[8]]"


# Symbolic: built from the input's width.
def encode_bad(v: Tensor[B, N]) -> Tensor[B, 2]:
    n = v.shape[1]
    model = Chain(Parallel(lambda a, b: tf.cat(a, b, axis=-1), Dense(n, 8), Dense(n, 8)), Dense(8, 2))  # E: Chain layer 2 Dense(8 => 2) expects input Tensor[..., 8], but layer 1 Parallel(<lambda>, Dense(N => 8), Dense(N => 8)) produces Tensor[B, 16]; change Dense(8 => 2) to Dense(16 => 2)  [shape]
    return model(v)


def encode(v: Tensor[B, N]) -> Tensor[B, 2]:
    n = v.shape[1]
    model = Chain(Parallel(lambda a, b: tf.cat(a, b, axis=-1), Dense(n, 8), Dense(n, 8)), Dense(16, 2))
    return model(v)


# -- a body that does more than forward its inputs: read where the container is called ------------
scaled = Chain(Parallel(lambda a, b: tf.cat(a, b * 2, axis=-1), Dense(4, 8), Dense(4, 8)), Dense(8, 2))
scaled_y = scaled(tf.zeros(3, 4))  # E: Chain layer 2 Dense(8 => 2) expects input Tensor[..., 8], but layer 1 Parallel(<lambda>, Dense(4 => 8), Dense(4 => 8)) produces Tensor[3, 16]; change Dense(8 => 2) to Dense(16 => 2)  [shape]
swapped = Parallel(lambda a, b: tf.cat(b, a, axis=-1), Dense(4, 8), Dense(4, 3))
reveal_type(swapped(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[11]]"



def closure() -> None:
    # (a module imported in the function: the lambda reads a closure's cell, which the run
    # time does not read, so neither side checks where built)
    import typedflux as ltf

    model = Chain(Parallel(lambda a, b: ltf.cat(a, b, axis=-1), Dense(4, 8), Dense(4, 8)), Dense(8, 2))
    model(tf.zeros(3, 4))  # E: Chain layer 2 Dense(8 => 2) expects input Tensor[..., 8], but layer 1 Parallel(<lambda>, Dense(4 => 8), Dense(4 => 8)) produces Tensor[3, 16]; change Dense(8 => 2) to Dense(16 => 2)  [shape]


encode_bad(tf.zeros(3, 5))
encode(tf.zeros(3, 5))
closure()
