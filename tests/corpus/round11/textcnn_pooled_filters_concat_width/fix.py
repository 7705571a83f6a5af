"""Kim's TextCNN: convolutions of widths 3, 4 and 5 over the embedded sentence, each max-pooled
over time to F features; the three are concatenated (3F) before the classifier, which was
sized for one filter bank."""
import typedflux as tf
from typedflux import Conv, Dense, Dropout, Embedding, relu

VOCAB, E, F, CLASSES, T = 100, 16, 10, 2, 12
emb = Embedding(VOCAB, E)
convs = [Conv((k, E), 1, F, relu) for k in (3, 4, 5)]
drop = Dropout(0.5)
fc = Dense(3 * F, CLASSES)
ids = tf.tensor([[i % VOCAB for i in range(T)]] * 4)
x = emb(ids).unsqueeze(1)
pooled = [c(x).squeeze(3).max(axis=2) for c in convs]
logits = fc(drop(tf.concat(pooled, axis=1)))
print(logits.shape)
