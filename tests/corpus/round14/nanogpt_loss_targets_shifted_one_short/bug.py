"""nanoGPT trains each position to predict the next token: inputs idx[:, :-1], targets
idx[:, 1:]; the logits were computed on the whole idx, one position more than the targets."""
import math
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, gelu


@dataclass
class GPTConfig:
    block_size: int = 16
    vocab_size: int = 50
    n_layer: int = 2
    n_head: int = 4
    n_embd: int = 32
    dropout: float = 0.0


class CausalSelfAttention:
    def __init__(self, config: GPTConfig) -> None:
        assert config.n_embd % config.n_head == 0
        self.c_attn = Dense(config.n_embd, 3 * config.n_embd)
        self.c_proj = Dense(config.n_embd, config.n_embd)
        self.attn_dropout = Dropout(config.dropout)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        size = config.block_size
        self.bias = tf.tril(tf.ones(size, size)).reshape(1, 1, size, size)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        B, T, C = x.shape
        q, k, v = tf.split(self.c_attn(x), (self.n_embd, self.n_embd, self.n_embd), axis=2)
        k = k.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        q = q.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        att = (q @ k.transpose(0, 1, 3, 2)) * (1.0 / math.sqrt(k.shape[-1]))
        att = tf.where(self.bias[:, :, :T, :T] == 0, -1e9, att)
        att = self.attn_dropout(tf.softmax(att, axis=-1))
        y = att @ v
        y = y.transpose(0, 2, 1, 3).reshape(B, T, C)
        return self.c_proj(y)


class MLP:
    def __init__(self, config: GPTConfig) -> None:
        self.c_fc = Dense(config.n_embd, 4 * config.n_embd, gelu)
        self.c_proj = Dense(4 * config.n_embd, config.n_embd)
        self.dropout = Dropout(config.dropout)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.dropout(self.c_proj(self.c_fc(x)))


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
        self.h = [Block(config) for _ in range(config.n_layer)]
        self.ln_f = LayerNorm(config.n_embd)
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        b, t = idx.shape
        assert t <= self.config.block_size
        pos = tf.arange(t).reshape(1, t)
        x = self.wte(idx) + self.wpe(pos)
        for block in self.h:
            x = block(x)
        return self.lm_head(self.ln_f(x))

    def generate(self, idx: tf.Tensor, max_new_tokens: int) -> tf.Tensor:
        for _ in range(max_new_tokens):
            idx_cond = idx if idx.shape[1] <= self.config.block_size else idx[:, -self.config.block_size:]
            logits = self(idx_cond)
            logits = logits[:, -1, :]
            probs = tf.softmax(logits, axis=-1)
            idx_next = tf.argmax(probs, axis=-1, keepdims=True)
            idx = tf.cat(idx, idx_next, axis=1)
        return idx


config = GPTConfig()
model = GPT(config)
idx = tf.tensor([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]])
logits = model(idx)
targets = tf.onehot(idx[:, 1:].numpy().reshape(-1).tolist(), config.vocab_size).reshape(2, 5, config.vocab_size)
print(tf.losses.logitcrossentropy(logits, targets).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[2, 6, 50], target has Tensor[2, 5, 50]; need identical shapes (no broadcasting in losses) (6 vs 5 at axis -2)  [shape]
print(model.generate(idx, 14).shape)
