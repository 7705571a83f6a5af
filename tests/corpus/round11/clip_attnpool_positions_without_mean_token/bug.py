"""CLIP's ModifiedResNet ends with attention pooling: the 7x7 grid is flattened, the mean token
is put in front, and a learned positional embedding is added. The embedding was sized for the
49 grid tokens only, without the mean token."""
import typedflux as tf
from typedflux import MultiHeadAttention

C, HW = 64, 7


class AttentionPool:
    def __init__(self) -> None:
        self.positional_embedding = tf.randn(HW * HW, C) / C ** 0.5
        self.attn = MultiHeadAttention(C, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b = x.shape[0]
        x = x.reshape(b, C, HW * HW).swapaxes(1, 2)
        x = tf.concat([x.mean(axis=1, keepdims=True), x], axis=1)
        x = x + self.positional_embedding  # BUG  # E: Cannot broadcast for "add": x has Tensor[?, 50, 64], y has Tensor[49, 64]; need equal sizes or 1 at axis -2 (50 vs 49)  [shape]
        return self.attn(x[:, :1], x, x)[:, 0]


pool = AttentionPool()
print(pool(tf.randn(2, C, HW, HW)).shape)
