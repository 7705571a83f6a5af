"""minGPT / nanoGPT idioms: a dict of layers (ModuleDict), config built from **kwargs,
a classmethod factory, get_num_params, crop of wpe."""
import math
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, gelu


@dataclass
class GPTConfig:
    block_size: int = 16
    vocab_size: int = 40
    n_layer: int = 2
    n_head: int = 2
    n_embd: int = 16
    dropout: float = 0.0


class Block:
    def __init__(self, config: GPTConfig) -> None:
        self.ln_1 = LayerNorm(config.n_embd)
        self.c_attn = Dense(config.n_embd, 3 * config.n_embd)
        self.c_proj = Dense(config.n_embd, config.n_embd)
        self.ln_2 = LayerNorm(config.n_embd)
        self.mlp = {"c_fc": Dense(config.n_embd, 4 * config.n_embd), "c_proj": Dense(4 * config.n_embd, config.n_embd)}
        self.n_head = config.n_head

    def attn(self, x: tf.Tensor) -> tf.Tensor:
        B, T, C = x.shape
        q, k, v = tf.chunk(self.c_attn(x), 3)
        q = q.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        k = k.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        att = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(k.shape[-1]))
        att = tf.where(tf.tril(tf.ones(T, T)) > 0, att, -1e9)
        y = tf.softmax(att, axis=-1) @ v
        return self.c_proj(y.transpose(0, 2, 1, 3).reshape(B, T, C))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.attn(self.ln_1(x))
        m = self.mlp
        return x + m["c_proj"](gelu(m["c_fc"](self.ln_2(x))))


class GPT:
    def __init__(self, config: GPTConfig) -> None:
        self.config = config
        self.transformer: Dict[str, Any] = dict(
            wte=Embedding(config.vocab_size, config.n_embd),
            wpe=Embedding(config.block_size, config.n_embd),
            drop=Dropout(config.dropout),
            h=[Block(config) for _ in range(config.n_layer)],
            ln_f=LayerNorm(config.n_embd),
        )
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)

    @classmethod
    def from_args(cls, **overrides: Any) -> "GPT":
        args: Dict[str, Any] = dict(n_layer=2, n_head=2, n_embd=16)
        args.update(overrides)
        return cls(GPTConfig(**args))

    def get_num_params(self) -> int:
        return sum(p.numpy().size for p in [self.lm_head.weight, self.transformer["wte"].weight])

    def __call__(self, idx: tf.Tensor, targets: Optional[tf.Tensor] = None) -> Tuple[tf.Tensor, Optional[tf.Tensor]]:
        b, t = idx.shape
        pos = tf.arange(0, t)
        x = self.transformer["drop"](self.transformer["wte"](idx) + self.transformer["wpe"](pos))
        for block in self.transformer["h"]:
            x = block(x)
        logits = self.lm_head(self.transformer["ln_f"](x))
        loss = None
        if targets is not None:
            loss = tf.losses.logitcrossentropy(
                logits.reshape(-1, logits.shape[-1]),
                tf.onehot(targets.reshape(-1).numpy().tolist(), self.config.vocab_size))
        return logits, loss


model = GPT.from_args(vocab_size=40, block_size=16)
cfg = GPTConfig(**{"n_embd": 32, "n_head": 4})
other = GPT(cfg)
idx = tf.tensor([[1, 2, 3, 4]])
logits, loss = model(idx, targets=tf.tensor([[2, 3, 4, 5]]))
print(logits.shape, loss.item() if loss is not None else None, other(idx)[0].shape, model.get_num_params())
