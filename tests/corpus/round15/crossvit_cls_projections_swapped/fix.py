"""CrossViT's cross-attention fusion: the small branch's CLS token (width 16) is projected to
the large branch's width (32), attends over the large branch's patch tokens, and is projected
back; the two projections were swapped."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention


class CrossAttentionFusion:
    def __init__(self, ds: int, dl: int) -> None:
        self.f = Dense(ds, dl)
        self.g = Dense(dl, ds)
        self.attn = MultiHeadAttention(dl, 4)

    def __call__(self, small: tf.Tensor, large: tf.Tensor) -> tf.Tensor:
        q = self.f(small[:, :1])
        kv = tf.cat(q, large[:, 1:], axis=1)
        fused = self.attn(q, kv, kv)
        return tf.cat(self.g(fused), small[:, 1:], axis=1)


fusion = CrossAttentionFusion(16, 32)
print(fusion(tf.randn(2, 17, 16), tf.randn(2, 5, 32)).shape)
