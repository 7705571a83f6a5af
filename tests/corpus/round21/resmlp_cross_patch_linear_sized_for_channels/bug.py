"""ResMLP (Touvron et al.): an Affine (per-channel alpha, beta) pre-norm, a cross-patch linear
layer mixing tokens (applied to the transposed patches: num_patches -> num_patches), a
cross-channel MLP, each scaled by a per-channel layer-scale and added back; patches from a
strided conv, a mean over patches and a linear classifier."""
from __future__ import annotations

import typedflux as tf
from typedflux import Conv, Dense, Tensor, gelu


class Affine:
    def __init__(self, dim: int) -> None:
        self.alpha = tf.ones(1, 1, dim)
        self.beta = tf.zeros(1, 1, dim)

    def __call__(self, x: Tensor) -> Tensor:
        return self.alpha * x + self.beta


class ResMLPLayer:
    def __init__(self, dim: int, num_patches: int, layerscale: float = 0.1) -> None:
        self.affine_1 = Affine(dim)
        self.affine_2 = Affine(dim)
        self.linear_patches = Dense(dim, dim)
        self.mlp_channels = tf.Chain(Dense(dim, 4 * dim, gelu), Dense(4 * dim, dim))
        self.layerscale_1 = tf.ones(dim) * layerscale
        self.layerscale_2 = tf.ones(dim) * layerscale

    def __call__(self, x: Tensor) -> Tensor:
        res_1 = self.linear_patches(self.affine_1(x).swapaxes(1, 2)).swapaxes(1, 2)
        x = x + self.layerscale_1 * res_1
        res_2 = self.mlp_channels(self.affine_2(x))
        return x + self.layerscale_2 * res_2


class ResMLP:
    def __init__(self, image_size: int = 16, patch_size: int = 4, dim: int = 24,
                 depth: int = 2, num_classes: int = 10) -> None:
        num_patches = (image_size // patch_size) ** 2
        self.to_patches = Conv((patch_size, patch_size), 3, dim, stride=patch_size)
        self.layers = [ResMLPLayer(dim, num_patches) for _ in range(depth)]
        self.affine = Affine(dim)
        self.head = Dense(dim, num_classes)

    def __call__(self, img: Tensor) -> Tensor:
        x = tf.rearrange(self.to_patches(img), "b c h w -> b (h w) c")
        for layer in self.layers:
            x = layer(x)
        return self.head(self.affine(x).mean(axis=1))


model = ResMLP()
logits = model(tf.randn(2, 3, 16, 16))  # BUG  # E: Dense(24 => 24) expects input Tensor[..., 24], got Tensor[2, 24, 16]; need size 24 at axis -1 (got 16)  [shape]
print(logits.shape)
