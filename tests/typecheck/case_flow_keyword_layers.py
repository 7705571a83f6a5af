"""A held layer called with keywords in a body the flow runs: a GPT block's masked attention.

A GPT block gives its attention the causal mask by keyword (``self.attn(h, h, h,
mask=mask)``). At module level that call is typed and its mask checked against the scores
(``Tensor[B, nheads, Tq, Tk]``) by the layer's own rule; in a body run on known inputs (a
bare ``__call__``) the call is matched against the layer's ``__call__`` signature as Python
matches it: the arguments on its positional parameters (``q``, ``k``, ``v``, given by
position or by name) are its inputs, and ``mask=`` is checked by the very rule the
module-level call uses. A model that keeps its config (``self.cfg = cfg``, a dataclass of the
module built once) reads its int fields in its body (``self.cfg.block_size``), and its blocks
called with two tensors (``blk(x, mask)``) run on what their construction built. The call
is typed by the body and a mismatch in it (a mask built for another length) is reported at
the call. Each with its fix, concrete and symbolic; the same lines fail at run time with the
same words.
"""

from dataclasses import dataclass
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor

B = TypeVar("B", bound=int)


class Block:
    def __init__(self, d: int, heads: int) -> None:
        self.ln = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)

    def __call__(self, x: tf.Tensor, mask: tf.Tensor) -> tf.Tensor:
        h = self.ln(x)
        return x + self.attn(h, h, h, mask=mask)


class Causal:
    def __init__(self, d: int, heads: int, block_size: int) -> None:
        self.block_size = block_size
        self.ln = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.ln(x)
        mask = tf.tril(tf.ones(self.block_size, self.block_size)) > 0
        return self.attn(q=h, k=h, v=h, mask=mask)


class CausalFixed:
    def __init__(self, d: int, heads: int) -> None:
        self.ln = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        h = self.ln(x)
        mask = tf.tril(tf.ones(t, t)) > 0
        return self.attn(h, h, h, mask=mask)


@dataclass(frozen=True)
class Config:
    block_size: int = 8
    n_embd: int = 24
    n_head: int = 4


class TinyGPT:
    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.blocks = [Block(cfg.n_embd, cfg.n_head), Block(cfg.n_embd, cfg.n_head)]
        self.head = Dense(cfg.n_embd, 30)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        mask = tf.tril(tf.ones(self.cfg.block_size, self.cfg.block_size)) > 0
        for blk in self.blocks:
            x = blk(x, mask)
        return self.head(x)


class TinyGPTFixed:
    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.blocks = [Block(cfg.n_embd, cfg.n_head), Block(cfg.n_embd, cfg.n_head)]
        self.head = Dense(cfg.n_embd, 30)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        t = x.shape[1]
        mask = tf.tril(tf.ones(t, t)) > 0
        for blk in self.blocks:
            x = blk(x, mask)
        return self.head(x)


cfg = Config()
x = tf.randn(2, 6, 24)
causal6 = tf.tril(tf.ones(6, 6)) > 0
causal8 = tf.tril(tf.ones(8, 8)) > 0
Dense(24, 2)(Block(24, 4)(x, causal6))
Dense(5, 2)(Block(24, 4)(x, causal6))  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[2, 6, 24]; need size 5 at axis -1 (got 24)  [shape]
Block(24, 4)(x, causal8)  # E: Cannot broadcast for "MultiHeadAttention(24, nheads=4)": mask has Tensor[8, 8], scores has Tensor[2, 4, 6, 6]; need equal sizes or 1 at axis -2 (8 vs 6)  [shape]
Dense(24, 2)(Causal(24, 4, 6)(x))
Causal(24, 4, 8)(x)  # E: Cannot broadcast for "MultiHeadAttention(24, nheads=4)": mask has Tensor[8, 8], scores has Tensor[2, 4, 6, 6]; need equal sizes or 1 at axis -2 (8 vs 6)  [shape]
Dense(24, 2)(CausalFixed(24, 4)(x))
Dense(6, 2)(CausalFixed(24, 4)(x))  # E: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[2, 6, 24]; need size 6 at axis -1 (got 24)  [shape]
Dense(30, 2)(TinyGPT(cfg)(tf.randn(2, 8, 24)))
TinyGPT(cfg)(x)  # E: Cannot broadcast for "MultiHeadAttention(24, nheads=4)": mask has Tensor[8, 8], scores has Tensor[2, 4, 6, 6]; need equal sizes or 1 at axis -2 (8 vs 6)  [shape]
Dense(30, 2)(TinyGPTFixed(cfg)(x))
Dense(24, 2)(TinyGPTFixed(cfg)(x))  # E: Dense(24 => 2) expects input Tensor[..., 24], got Tensor[2, 6, 30]; need size 24 at axis -1 (got 30)  [shape]


@tf.shapecheck
def block(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 24]:
    return Block(24, 4)(x, causal6)


@tf.shapecheck
def block_wrong(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 24]:
    return Block(24, 4)(x, causal8)  # E: Cannot broadcast for "MultiHeadAttention(24, nheads=4)": mask has Tensor[8, 8], scores has Tensor[B, 4, 6, 6]; need equal sizes or 1 at axis -2 (8 vs 6)  [shape]


@tf.shapecheck
def causal(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 24]:
    return CausalFixed(24, 4)(x)


@tf.shapecheck
def causal_wrong(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 24]:
    return Causal(24, 4, 8)(x)  # E: Cannot broadcast for "MultiHeadAttention(24, nheads=4)": mask has Tensor[8, 8], scores has Tensor[B, 4, 6, 6]; need equal sizes or 1 at axis -2 (8 vs 6)  [shape]


@tf.shapecheck
def gpt(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 30]:
    return TinyGPTFixed(cfg)(x)


@tf.shapecheck
def gpt_wrong(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 30]:
    return TinyGPT(cfg)(x)  # E: Cannot broadcast for "MultiHeadAttention(24, nheads=4)": mask has Tensor[8, 8], scores has Tensor[B, 4, 6, 6]; need equal sizes or 1 at axis -2 (8 vs 6)  [shape]


block(tf.randn(3, 6, 24))
block_wrong(tf.randn(3, 6, 24))
causal(tf.randn(3, 6, 24))
causal_wrong(tf.randn(3, 6, 24))
gpt(tf.randn(3, 6, 24))
gpt_wrong(tf.randn(3, 6, 24))
