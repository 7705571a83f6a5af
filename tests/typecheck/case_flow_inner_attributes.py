"""An int an inner model's construction left, read through it: ``self.patch_embed.num_patches``.

timm's and HuggingFace's ViTs size their position table from the patch embedding they built
just before (``num_patches = self.patch_embed.num_patches``). The inner construction's run
knows what it alone binds (``self.num_patches = (img // patch) ** 2``), so the outer run
reads it there: the table is ``Tensor[1, 16, 32]`` and a body that adds it to 17 tokens (a
class token prepended) is caught. An attribute something else may bind (a method of the
inner class, or the outer model through it) is not read so. Each with its fix; the same
lines fail at run time with the same words.
"""

import typedflux as tf
from typedflux import Conv, Tensor


class PatchEmbed:
    def __init__(self, img: int, patch: int, dim: int) -> None:
        self.num_patches = (img // patch) ** 2
        self.proj = Conv((patch, patch), 3, dim, stride=patch)

    def __call__(self, x: Tensor) -> Tensor:
        y = self.proj(x)
        b, c, h, w = y.shape
        return y.reshape(b, c, h * w).transpose(0, 2, 1)


class Embeddings:
    def __init__(self, img: int, patch: int, dim: int, extra: int) -> None:
        self.cls_token = tf.zeros(1, 1, dim)
        self.patch_embed = PatchEmbed(img, patch, dim)
        num_patches = self.patch_embed.num_patches
        self.pos = tf.randn(1, num_patches + extra, dim)

    def __call__(self, x: Tensor) -> Tensor:
        tokens = self.patch_embed(x)
        cls = tf.tile(self.cls_token, x.shape[0], 1, 1)
        return tf.cat(cls, tokens, axis=1) + self.pos


Embeddings(16, 4, 32, 0)(tf.randn(2, 3, 16, 16))  # E: Cannot broadcast for "add": x has Tensor[2, 17, 32], y has Tensor[1, 16, 32]; need equal sizes or 1 at axis -2 (17 vs 16)  [shape]
Embeddings(16, 4, 32, 1)(tf.randn(2, 3, 16, 16))


class Regridded:
    def __init__(self, img: int, patch: int, dim: int) -> None:
        self.num_patches = (img // patch) ** 2
        self.proj = Conv((patch, patch), 3, dim, stride=patch)

    def regrid(self, patch: int) -> None:
        self.num_patches = 17


class Loose:
    def __init__(self, dim: int) -> None:
        self.patch_embed = Regridded(16, 4, dim)
        self.patch_embed.regrid(4)
        self.pos = tf.randn(1, self.patch_embed.num_patches, dim)

    def __call__(self, x: Tensor) -> Tensor:
        return x + self.pos


Loose(32)(tf.randn(2, 17, 32))
