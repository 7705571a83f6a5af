"""Kim's TextCNN: three convolution widths over the embedded sentence, each max-pooled
over time and concatenated; the classifier was sized for one branch."""
import typedflux as tf
from typedflux import Conv, Dense, Embedding, relu

E = 16
embed = Embedding(100, E)
convs = [Conv((k, E), 1, 8, relu) for k in (2, 3, 4)]
classify = Dense(8, 2)

tokens = tf.tensor([[4, 9, 1, 7, 3, 3, 8, 2, 0, 5], [1, 1, 6, 2, 9, 4, 4, 7, 3, 0]])
x = embed(tokens).unsqueeze(1)                      # Tensor[2, 1, 10, E]
pooled = [c(x).max(axis=(2, 3)) for c in convs]     # each Tensor[2, 8]
print(classify(tf.concat(pooled, axis=1)).shape)  # BUG  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 24]; need size 8 at axis -1 (got 24)  [shape]
