"""ELECTRA's discriminator predicts, per token, whether the generator replaced it: Dense(H, 1)
gives (B, T, 1) logits, squeezed before the binary loss against (B, T) labels; the unit axis
was kept."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, gelu

B, T, H = 2, 7, 32
emb = Embedding(120, H)
attn = MultiHeadAttention(H, 4)
norm = LayerNorm(H)
dense = Dense(H, H, gelu)
disc = Dense(H, 1)
ids = tf.tensor([[1, 5, 9, 4, 7, 2, 0], [1, 8, 3, 3, 6, 2, 0]])
replaced = tf.tensor([[0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]])
h = norm(emb(ids) + attn(emb(ids)))
logits = disc(dense(h))
loss = tf.losses.logitbinarycrossentropy(logits, replaced)  # BUG  # E: Shapes differ for "logitbinarycrossentropy": prediction has Tensor[2, 7, 1], target has Tensor[2, 7]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[2, 7, 1] or squeeze the prediction  [shape]
print(loss.item())
