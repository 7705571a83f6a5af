"""nanoGPT, as a practitioner writes it: config dataclass with field(), Optional targets,
keyword layer calls, a registered causal mask, weight tying, generate with cropping and top-k."""
import math
from dataclasses import dataclass, field, replace
from typing import Optional, Tuple, List

import numpy as np
import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, gelu


@dataclass
class GPTConfig:
    block_size: int = 16
    vocab_size: int = 50
    n_layer: int = 2
    n_head: int = 4
    n_embd: int = 32
    dropout: float = 0.1
    bias: bool = True
    tags: List[str] = field(default_factory=list)


class CausalSelfAttention:
    def __init__(self, config: GPTConfig) -> None:
        assert config.n_embd % config.n_head == 0
        self.c_attn = Dense(config.n_embd, 3 * config.n_embd, bias=config.bias)
        self.c_proj = Dense(config.n_embd, config.n_embd, bias=config.bias)
        self.attn_dropout = Dropout(config.dropout)
        self.resid_dropout = Dropout(config.dropout)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.bias = tf.tril(tf.ones(config.block_size, config.block_size)).reshape(
            1, 1, config.block_size, config.block_size)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split((self.n_embd, self.n_embd, self.n_embd), axis=2)
        hs = C // self.n_head
        k = k.reshape(B, T, self.n_head, hs).transpose(0, 2, 1, 3)
        q = q.reshape(B, T, self.n_head, hs).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, self.n_head, hs).transpose(0, 2, 1, 3)
        att = (q @ k.transpose(0, 1, 3, 2)) * (1.0 / math.sqrt(hs))
        mask = self.bias[:, :, :T, :T]
        att = tf.where(mask == 0, float("-inf"), att)
        att = tf.softmax(att, axis=-1)
        att = self.attn_dropout(att)
        y = att @ v
        y = y.transpose(0, 2, 1, 3).reshape(B, T, C)
        y = self.resid_dropout(self.c_proj(y))
        return y


class MLP:
    def __init__(self, config: GPTConfig) -> None:
        self.c_fc = Dense(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.c_proj = Dense(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = Dropout(config.dropout)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = self.c_fc(x)
        x = gelu(x)
        x = self.c_proj(x)
        return self.dropout(x)


class Block:
    def __init__(self, config: GPTConfig) -> None:
        self.ln_1 = LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = LayerNorm(config.n_embd)
        self.mlp = MLP(config)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class GPT:
    def __init__(self, config: GPTConfig) -> None:
        self.config = config
        self.wte = Embedding(config.vocab_size, config.n_embd)
        self.wpe = Embedding(config.block_size, config.n_embd)
        self.drop = Dropout(config.dropout)
        self.h = [Block(config) for _ in range(config.n_layer)]
        self.ln_f = LayerNorm(config.n_embd)
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, idx: tf.Tensor, targets: Optional[tf.Tensor] = None
                 ) -> Tuple[tf.Tensor, Optional[tf.Tensor]]:
        b, t = idx.shape
        assert t <= self.config.block_size, f"Cannot forward sequence of length {t}"
        pos = tf.arange(0, t)
        tok_emb = self.wte(idx)
        pos_emb = self.wpe(pos)
        x = self.drop(tok_emb + pos_emb)
        for block in self.h:
            x = block(x)
        x = self.ln_f(x)
        if targets is not None:
            logits = self.lm_head(x)
            flat = logits.reshape(-1, logits.shape[-1])
            onehot = tf.onehot(targets.reshape(-1).numpy().tolist(), self.config.vocab_size)
            loss: Optional[tf.Tensor] = tf.losses.logitcrossentropy(flat, onehot)
        else:
            logits = self.lm_head(x[:, -1:, :])
            loss = None
        return logits, loss

    def crop_block_size(self, block_size: int) -> None:
        assert block_size <= self.config.block_size
        self.config = replace(self.config, block_size=block_size)
        self.wpe.weight = self.wpe.weight[:block_size]
        for block in self.h:
            block.attn.bias = block.attn.bias[:, :, :block_size, :block_size]

    def generate(self, idx: tf.Tensor, max_new_tokens: int, temperature: float = 1.0,
                 top_k: Optional[int] = None) -> tf.Tensor:
        for _ in range(max_new_tokens):
            idx_cond = idx if idx.shape[1] <= self.config.block_size else idx[:, -self.config.block_size:]
            logits, _ = self(idx_cond)
            logits = logits[:, -1, :] / temperature
            if top_k is not None:
                v = np.sort(logits.numpy(), axis=-1)[:, -top_k:]
                logits = tf.where(logits < tf.tensor(v[:, [0]]), -1e9, logits)
            probs = tf.softmax(logits, axis=-1)
            idx_next = tf.argmax(probs, axis=-1, keepdims=True)
            idx = tf.cat(idx, idx_next, axis=1)
        return idx


config = GPTConfig(n_layer=2, tags=["tiny"])
model = GPT(config)
idx = tf.tensor([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]])
targets = tf.tensor([[2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13]])
logits, loss = model(idx, targets)
assert loss is not None
print(logits.shape, loss.item())
logits2, none = model(idx)
print(logits2.shape, none)
out = model.generate(idx, 12, temperature=0.8, top_k=5)
print(out.shape)
model.crop_block_size(8)
print(model.generate(idx[:, :4], 6).shape)
small = replace(config, n_embd=16, n_head=2)
print(GPT(small)(idx)[0].shape)
