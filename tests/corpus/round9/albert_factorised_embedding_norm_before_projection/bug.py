"""ALBERT factorises the embedding: vocab -> E (small), then a projection to the hidden width;
the hidden LayerNorm was applied before the projection."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm

V, E, H = 100, 16, 64
embeddings = Chain(
    Embedding(V, E),
    LayerNorm(H),  # BUG  # E: Chain layer 2 LayerNorm(64) expects input Tensor[..., 64], but layer 1 Embedding(100 => 16) produces Tensor[B, T, 16]; change LayerNorm(64) to LayerNorm(16)  [shape]
    Dense(E, H),
)
print(embeddings(tf.tensor([[1, 2, 3]])).shape)
