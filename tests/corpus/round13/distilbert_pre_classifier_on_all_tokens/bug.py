"""DistilBERT's sequence classifier takes the first token's hidden state, then pre_classifier
(dim -> dim, ReLU), dropout and classifier; the first token was never selected, so the logits
keep the token axis and the loss meets per-sentence labels."""
import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, MultiHeadAttention, relu

B, T, DIM, LABELS = 4, 6, 32, 2
word = Embedding(200, DIM)
pos = Embedding(16, DIM)
attn = MultiHeadAttention(DIM, 4)
norm = LayerNorm(DIM)
pre_classifier = Dense(DIM, DIM, relu)
dropout = Dropout(0.2)
classifier = Dense(DIM, LABELS)
ids = tf.tensor([[101, 7, 8, 9, 102, 0]] * B)
h = word(ids) + pos(tf.arange(T).reshape(1, T))
h = norm(h + attn(h))
pooled = h
logits = classifier(dropout(pre_classifier(pooled)))
labels = tf.onehot([0, 1, 1, 0], LABELS)
loss = tf.losses.logitcrossentropy(logits, labels)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 6, 2], target has Tensor[4, 2]; need identical shapes (no broadcasting in losses)  [shape]
print(loss.item())
