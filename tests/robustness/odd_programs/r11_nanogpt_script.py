"""nanoGPT's model.py (GPTConfig dataclass, CausalSelfAttention, MLP, Block, GPT with generate), trained."""
import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, gelu


@dataclass
class GPTConfig:
    block_size: int = 16
    vocab_size: int = 40
    n_layer: int = 2
    n_head: int = 4
    n_embd: int = 32
    dropout: float = 0.0
    bias: bool = True


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
        q, k, v = tf.split(self.c_attn(x), (self.n_embd, self.n_embd, self.n_embd), axis=2)
        k = k.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        q = q.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        v = v.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(k.shape[-1]))
        att = tf.where(self.bias[:, :, :T, :T] == 0, -1e9, att)
        att = tf.softmax(att, axis=-1)
        att = self.attn_dropout(att)
        y = att @ v
        y = y.swapaxes(1, 2).reshape(B, T, C)
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
        x = self.dropout(x)
        return x


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
        assert config.vocab_size is not None
        self.config = config
        self.wte = Embedding(config.vocab_size, config.n_embd)
        self.wpe = Embedding(config.block_size, config.n_embd)
        self.drop = Dropout(config.dropout)
        self.h = [Block(config) for _ in range(config.n_layer)]
        self.ln_f = LayerNorm(config.n_embd)
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)

    def get_num_params(self) -> int:
        return sum(int(np.prod(p.shape)) for p in tf.params(self))

    def __call__(self, idx: tf.Tensor, targets: Optional[tf.Tensor] = None
                 ) -> Tuple[tf.Tensor, Optional[tf.Tensor]]:
        b, t = idx.shape
        assert t <= self.config.block_size
        pos = tf.arange(0, t)
        tok_emb = self.wte(idx)
        pos_emb = self.wpe(pos.reshape(1, t))
        x = self.drop(tok_emb + pos_emb)
        for block in self.h:
            x = block(x)
        x = self.ln_f(x)
        if targets is not None:
            logits = self.lm_head(x)
            loss = tf.losses.logitcrossentropy(
                logits.reshape(-1, logits.shape[-1]),
                tf.onehot(targets.reshape(-1).numpy().tolist(), self.config.vocab_size))
        else:
            logits = self.lm_head(x[:, -1:, :])
            loss = None
        return logits, loss

    def generate(self, idx: tf.Tensor, max_new_tokens: int, temperature: float = 1.0,
                 top_k: Optional[int] = None, seed: int = 0) -> tf.Tensor:
        rng = np.random.default_rng(seed)
        for _ in range(max_new_tokens):
            idx_cond = idx if idx.shape[1] <= self.config.block_size else idx[:, -self.config.block_size:]
            logits, _ = self(idx_cond)
            logits = logits[:, -1, :] / temperature
            if top_k is not None:
                v = np.sort(logits.numpy(), axis=-1)[:, -min(top_k, logits.shape[-1])]
                logits = tf.where(logits < tf.tensor(v[:, None]), -1e9, logits)
            probs = tf.softmax(logits, axis=-1).numpy().astype(np.float64)
            idx_next = np.array([[rng.choice(probs.shape[-1], p=p / p.sum())] for p in probs])
            idx = tf.concat([idx, tf.tensor(idx_next)], axis=1)
        return idx


config = GPTConfig()
model = GPT(config)
print(model.get_num_params())
data = np.random.default_rng(0).integers(0, config.vocab_size, 2000)


def get_batch(batch_size: int = 4) -> Tuple[tf.Tensor, tf.Tensor]:
    ix = np.random.default_rng(len(data)).integers(0, len(data) - config.block_size, batch_size)
    x = np.stack([data[i:i + config.block_size] for i in ix])
    y = np.stack([data[i + 1:i + 1 + config.block_size] for i in ix])
    return tf.tensor(x), tf.tensor(y)


optimizer = tf.setup(tf.OptimiserChain(tf.ClipNorm(1.0), tf.AdamW(1e-3, lambd=0.1)), model)
for it in range(3):
    X, Y = get_batch()

    def lossf(m: GPT) -> tf.Tensor:
        _, loss = m(X, Y)
        assert loss is not None
        return loss

    loss, grads = tf.withgradient(lossf, model)
    optimizer, model = tf.update(optimizer, model, grads[0])
    print(it, round(loss.item(), 3))
out = model.generate(tf.zeros(1, 1, dtype=tf.int64), 20, temperature=0.8, top_k=5)
print(out.shape)
