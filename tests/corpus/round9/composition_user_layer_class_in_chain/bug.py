"""A user layer with a typed `__call__` (a patch embedding) in a Chain; the LayerNorm after it
was built for the patch's pixel count."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)


class PatchEmbed:
    def __init__(self) -> None:
        self.proj = Conv((4, 4), 3, 64, stride=4)

    def __call__(self, x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64, 64]:
        return tf.rearrange(self.proj(x), "b c h w -> b (h w) c")


model = Chain(
    PatchEmbed(),
    LayerNorm(48),  # BUG  # E: Chain layer 2 LayerNorm(48) expects input Tensor[..., 48], but layer 1 PatchEmbed() produces Tensor[B, 64, 64]; change LayerNorm(48) to LayerNorm(64)  [shape]
    Dense(64, 10),
)
print(model(tf.randn(2, 3, 32, 32)).shape)
