"""A sparse Mixture-of-Experts FFN with top-k routing (Switch/Mixtral style): tokens are flattened
to (N, d_model), a bias-free gate scores n_experts, the top-k scores per token (found with numpy
argsort) are renormalised by a softmax over the kept logits, and each expert (d_model -> d_ff ->
d_model) adds its weighted output for the tokens routed to it; the result is reshaped back."""
from __future__ import annotations

from typing import List

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor, gelu


class Expert:
    def __init__(self, d_model: int, d_ff: int) -> None:
        self.w1 = Dense(d_model, d_ff)
        self.w2 = Dense(d_ff, d_model)

    def __call__(self, x: Tensor) -> Tensor:
        return self.w2(gelu(self.w1(x)))


class SparseMoE:
    def __init__(self, d_model: int, d_ff: int, n_experts: int = 4, top_k: int = 2) -> None:
        self.gate = Dense(d_model, n_experts, bias=False)
        self.experts: List[Expert] = [Expert(d_model, d_ff) for _ in range(n_experts)]
        self.top_k = top_k
        self.n_experts = n_experts

    def __call__(self, hidden_states: Tensor) -> Tensor:
        b, t, d = hidden_states.shape
        x = hidden_states.reshape(b * t, d)
        router_logits = self.gate(x)
        logits_np = router_logits.numpy()
        top = np.argsort(-logits_np, axis=1)[:, : self.top_k]
        keep = np.zeros_like(logits_np)
        np.put_along_axis(keep, top, 1.0, axis=1)
        masked = tf.where(tf.tensor(keep) > 0, router_logits, -1e9)
        routing_weights = tf.softmax(masked, axis=-1)
        out = tf.zeros(b * t, d)
        for e, expert in enumerate(self.experts):
            out = out + routing_weights[:, e:e + 1] * expert(x)
        return out.reshape(b, t, d)


class MoEBlock:
    def __init__(self, d_model: int) -> None:
        self.norm = tf.LayerNorm(d_model)
        self.moe = SparseMoE(d_model, 4 * d_model)

    def __call__(self, x: Tensor) -> Tensor:
        return x + self.moe(self.norm(x))


block = MoEBlock(16)
y = block(tf.randn(2, 5, 16))
print(y.shape)
