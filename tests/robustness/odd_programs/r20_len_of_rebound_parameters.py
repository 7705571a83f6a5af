"""len() in __init__ of a list parameter rebound before it is read (sliced, filtered by a
comprehension, deduplicated by set), of a dict, a range, a string, a tuple; the heads are sized
for the true lengths. All correct; each runs."""
from typing import Dict, List, Sequence

import typedflux as tf
from typedflux import Dense, Embedding, Tensor


class Filtered:
    def __init__(self, vocab_sizes: List[int], d: int) -> None:
        vocab_sizes = [v for v in vocab_sizes if v > 5]
        self.embs = [Embedding(v, d) for v in vocab_sizes]
        self.head = Dense(d * len(vocab_sizes), 2)

    def __call__(self, cats: Tensor) -> Tensor:
        outs = [e(cats[:, i]) for i, e in enumerate(self.embs)]
        return self.head(tf.cat(*outs, axis=1))


class Sliced:
    def __init__(self, vocab_sizes: List[int], d: int) -> None:
        vocab_sizes = vocab_sizes[:2]
        self.n = len(vocab_sizes)
        self.head = Dense(d * self.n, 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class Deduped:
    def __init__(self, names: List[str], d: int) -> None:
        uniq = sorted(set(names))
        self.head = Dense(d * len(uniq), 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class Keyed:
    def __init__(self, tables: Dict[str, int], d: int) -> None:
        self.tables = tables
        self.head = Dense(d * len(tables), 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class Seq:
    def __init__(self, dims: Sequence[object], d: int) -> None:
        self.head = Dense(d * len(dims), 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


cats = tf.tensor([[1, 2, 3], [0, 1, 2]])
print(Filtered([3, 10, 20], 4)(cats[:, :2]).shape)
print(Sliced([10, 20, 30], 4)(tf.randn(2, 8)).shape)
print(Deduped(["a", "b", "a"], 4)(tf.randn(2, 8)).shape)
print(Keyed({"a": 1, "b": 2, "c": 3}, 4)(tf.randn(2, 12)).shape)
print(Seq(range(5), 2)(tf.randn(2, 10)).shape, Seq("abc", 2)(tf.randn(2, 6)).shape, Seq((1, 2), 2)(tf.randn(2, 4)).shape)
