"""lucidrains/vit-pytorch's ViT: patches rearranged and embedded, a cls token repeated over the
batch and prepended, then x += pos_embedding[:, :(n + 1)], so the learned table needs
num_patches + 1 positions; the cls output goes to the MLP head."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor


class ViT:
    def __init__(self, image_size: int, patch_size: int, num_classes: int, dim: int, channels: int = 3) -> None:
        num_patches = (image_size // patch_size) ** 2
        patch_dim = channels * patch_size * patch_size
        self.patch_size = patch_size
        self.to_patch_embedding = Dense(patch_dim, dim)
        self.pos_embedding = tf.randn(1, num_patches + 1, dim)
        self.cls_token = tf.randn(1, 1, dim)
        self.norm = LayerNorm(dim)
        self.mlp_head = Dense(dim, num_classes)

    def __call__(self, img: Tensor) -> Tensor:
        p = self.patch_size
        x = tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=p, p2=p)
        x = self.to_patch_embedding(x)
        b, n, _ = x.shape
        cls_tokens = tf.repeat(self.cls_token, b, 1, 1)
        x = tf.cat(cls_tokens, x, axis=1)
        x = x + self.pos_embedding[:, : (n + 1)]
        x = self.norm(x)
        return self.mlp_head(x[:, 0])


model = ViT(image_size=8, patch_size=4, num_classes=5, dim=16)
logits = model(tf.randn(2, 3, 8, 8))
print(logits.shape)
