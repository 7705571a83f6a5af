"""torchtyping's `TensorType["batch", "channels", "height", "width"]` cut into 4x4 patches,
`TensorType["batch", "patches", "patch_dim"]`: the rearrange put the pixels first and the
patches last."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def patchify(x: Tensor[B, C, H, W]) -> Tensor[B, "(H//4)*(W//4)", "16*C"]:
    return tf.rearrange(x, "b c (h p1) (w p2) -> b (p1 p2 c) (h w)", p1=4, p2=4)  # BUG  # E: Return shape Tensor[B, 16*C, (H//4)*(W//4)] does not match the annotation Tensor[B, (H//4)*(W//4), 16*C]: axis 1 is 16*C, expected (H//4)*(W//4)  [shape]


print(patchify(tf.randn(2, 3, 8, 12)).shape)
