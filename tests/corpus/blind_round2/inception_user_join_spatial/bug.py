"""An Inception branch without padding shrinks the map a user join function needs equal
(for every input size: reported where the Chain feeding it one input is built)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Parallel, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def join(a: Tensor[B, C, H, W], b: Tensor[B, D, H, W]) -> Tensor[B, "C+D", H, W]:
    return tf.cat(a, b, axis=1)


inception = Parallel(
    join,
    Conv((1, 1), 64, 32, relu),
    Conv((3, 3), 64, 32, relu),
)
model = Chain(Conv((3, 3), 3, 64, relu, pad=1), inception, Conv((1, 1), 64, 64))  # BUG  # E: Chain layer 2 Parallel(join, Conv((1, 1), 64 => 32, relu), Conv((3, 3), 64 => 32, relu)): Dim "H" differs for "join": argument "a" gives H = H', argument "b" gives H = H' - 2; need one size for H (H' vs H' - 2)  [shape]  # N: C=32, H=H', W=W', D=32  # N: input to layer 2: Tensor[B, 64, H', W']
print(model(tf.randn(2, 3, 16, 16)).shape)
