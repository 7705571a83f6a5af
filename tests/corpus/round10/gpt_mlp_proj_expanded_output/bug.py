"""A GPT block's MLP from a dataclass config: c_fc widens to 4*n_embd, c_proj narrows back.
c_proj was written with the wide size as its output, so the residual add fails."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense, LayerNorm, gelu


@dataclass
class GPTConfig:
    n_embd: int = 32
    vocab: int = 64


class MLP:
    def __init__(self, cfg: GPTConfig) -> None:
        self.c_fc = Dense(cfg.n_embd, 4 * cfg.n_embd, gelu)
        self.c_proj = Dense(4 * cfg.n_embd, 4 * cfg.n_embd)
        self.ln = LayerNorm(cfg.n_embd)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.c_proj(self.c_fc(self.ln(x)))


mlp = MLP(GPTConfig())
print(mlp(tf.randn(2, 5, 32)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 5, 32], y has Tensor[2, 5, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]
