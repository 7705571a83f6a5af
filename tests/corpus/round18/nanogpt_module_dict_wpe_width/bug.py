"""nanoGPT's GPT.__init__: self.transformer is a dict of wte, wpe, h (a list of blocks) and
ln_f, the token embedding tied to lm_head (wte.weight = lm_head.weight, before the dict is built), and forward adds
tok_emb and pos_emb; the position table must be n_embd wide like the token table."""
from __future__ import annotations

from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu


@dataclass
class GPTConfig:
    block_size: int = 8
    vocab_size: int = 32
    n_layer: int = 2
    n_embd: int = 16


class Block:
    def __init__(self, config: GPTConfig) -> None:
        self.ln = LayerNorm(config.n_embd)
        self.fc = Dense(config.n_embd, 4 * config.n_embd)
        self.proj = Dense(4 * config.n_embd, config.n_embd)

    def __call__(self, x: Tensor) -> Tensor:
        return x + self.proj(gelu(self.fc(self.ln(x))))


class GPT:
    def __init__(self, config: GPTConfig) -> None:
        self.config = config
        wte = Embedding(config.vocab_size, config.n_embd)
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)
        wte.weight = self.lm_head.weight
        self.transformer = dict(
            wte=wte,
            wpe=Embedding(config.block_size, config.n_embd // 2),
            ln_f=LayerNorm(config.n_embd),
        )
        self.h = [Block(config) for _ in range(config.n_layer)]

    def __call__(self, idx: Tensor) -> Tensor:
        b, t = idx.shape
        pos = tf.arange(0, t)
        tok_emb = self.transformer["wte"](idx)
        pos_emb = self.transformer["wpe"](pos)
        x = tok_emb + pos_emb
        for block in self.h:
            x = block(x)
        x = self.transformer["ln_f"](x)
        return self.lm_head(x)


model = GPT(GPTConfig())
idx = tf.tensor([[1, 2, 3, 4, 5], [5, 4, 3, 2, 1]])
logits = model(idx)  # BUG[gap flow: layers held in a dict attribute (self.transformer = dict(wte=..., wpe=...), or a {...} display) and called by key in __call__ are Any]
print(logits.shape)
