"""ALBERT factorises the embedding: vocab -> E (small), then a projection to the hidden width;
the hidden LayerNorm was applied before the projection."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm

V, E, H = 100, 16, 64
embeddings = Chain(
    Embedding(V, E),
    LayerNorm(E),
    Dense(E, H),
)
print(embeddings(tf.tensor([[1, 2, 3]])).shape)
