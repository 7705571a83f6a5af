"""Annotated generic transformer code, nanoGPT style."""
from typing import Final, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
C = TypeVar("C", bound=int)

N_EMBD: Final = 32
N_HEAD: Final = 4
BLOCK: Final = 16
VOCAB: Final = 50


class CausalSelfAttention:
    def __init__(self) -> None:
        self.c_attn = Dense(N_EMBD, 3 * N_EMBD)
        self.c_proj = Dense(N_EMBD, N_EMBD)
        self.n_head = N_HEAD
        self.mask = tf.tril(tf.ones(BLOCK, BLOCK))

    def __call__(self, x: Tensor[B, T, N_EMBD]) -> Tensor[B, T, N_EMBD]:
        b, t, c = x.shape
        q, k, v = tf.split(self.c_attn(x), [N_EMBD, N_EMBD, N_EMBD], axis=2)
        q = q.reshape(b, t, self.n_head, c // self.n_head).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, self.n_head, c // self.n_head).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.n_head, c // self.n_head).transpose(0, 2, 1, 3)
        att = (q @ k.transpose(0, 1, 3, 2)) * (1.0 / (k.shape[-1] ** 0.5))
        att = tf.where(self.mask[:t, :t] == 0, -1e9, att)
        att = tf.softmax(att, axis=-1)
        y = att @ v
        y = y.transpose(0, 2, 1, 3).reshape(b, t, c)
        return self.c_proj(y)


class MLP:
    def __init__(self) -> None:
        self.fc = Dense(N_EMBD, 4 * N_EMBD, gelu)
        self.proj = Dense(4 * N_EMBD, N_EMBD)

    def __call__(self, x: Tensor[B, T, N_EMBD]) -> Tensor[B, T, N_EMBD]:
        return self.proj(self.fc(x))


class Block:
    def __init__(self) -> None:
        self.ln_1 = LayerNorm(N_EMBD)
        self.attn = CausalSelfAttention()
        self.ln_2 = LayerNorm(N_EMBD)
        self.mlp = MLP()

    def __call__(self, x: Tensor[B, T, N_EMBD]) -> Tensor[B, T, N_EMBD]:
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class GPT:
    def __init__(self, n_layer: int = 2) -> None:
        self.wte = Embedding(VOCAB, N_EMBD)
        self.wpe = Embedding(BLOCK, N_EMBD)
        self.h = [Block() for _ in range(n_layer)]
        self.ln_f = LayerNorm(N_EMBD)
        self.lm_head = Dense(N_EMBD, VOCAB, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, idx: Tensor[B, T], targets: Optional[Tensor[B, T]] = None
                 ) -> Tuple[Tensor[B, T, VOCAB], Optional[tf.Tensor]]:
        b, t = idx.shape
        pos = tf.arange(0, t).reshape(1, t)
        x = self.wte(idx) + self.wpe(pos)
        for block in self.h:
            x = block(x)
        x = self.ln_f(x)
        logits = self.lm_head(x)
        loss = None
        if targets is not None:
            loss = tf.losses.logitcrossentropy(logits.reshape(-1, VOCAB), tf.onehot(targets.reshape(-1), VOCAB))
        return logits, loss

    def generate(self, idx: tf.Tensor, n: int) -> tf.Tensor:
        for _ in range(n):
            cond = idx if idx.shape[1] <= BLOCK else idx[:, -BLOCK:]
            logits, _ = self(cond)
            nxt = tf.argmax(logits[:, -1, :], axis=-1, keepdims=True)
            idx = tf.cat(idx, nxt, axis=1)
        return idx


model = GPT()
idx = tf.tensor([[1, 2, 3, 4]])
logits, loss = model(idx, idx)
print(logits.shape, loss)
print(model.generate(idx, 3).shape)
