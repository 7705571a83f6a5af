"""A Transformer attention class configured by a dataclass passed to __init__; the output
projection was sized for one head."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense


@dataclass
class AttnConfig:
    d_model: int = 32
    n_heads: int = 4


class Attention:
    def __init__(self, cfg: AttnConfig) -> None:
        self.h = cfg.n_heads
        self.qkv = Dense(cfg.d_model, 3 * cfg.d_model)
        self.out = Dense(cfg.d_model // cfg.n_heads, cfg.d_model)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)
        q = tf.rearrange(q, "b t (h d) -> b h t d", h=4)
        k = tf.rearrange(k, "b t (h d) -> b h t d", h=4)
        v = tf.rearrange(v, "b t (h d) -> b h t d", h=4)
        y = tf.softmax(q @ k.swapaxes(-1, -2) * 0.35, axis=-1) @ v
        return self.out(tf.rearrange(y, "b h t d -> b t (h d)"))


attn = Attention(AttnConfig())
print(attn(tf.randn(2, 5, 32)).shape)  # BUG  # E: Dense(8 => 32) expects input Tensor[..., 8], got Tensor[2, 5, 32]; need size 8 at axis -1 (got 32)  [shape]
