"""Lists and dicts typed by their first items, then given items of other sizes.

mypy types ``[Dense(784, 256)]`` as ``list[Dense[784, 256]]`` and ``{"x": tf.randn(2, 3)}`` as
``dict[str, Tensor[2, 3]]`` (plain mypy's ``Dense[Any, Any]`` took any Dense); but a Python
list or dict holds values of any size. So adding one of other sizes to such a container, by
``append``, ``insert``, ``extend``, ``+=``, ``xs[i] = ...``, ``d[k] = ...``, ``d.update(...)``,
``d |= {...}`` or ``d.setdefault(k, v)``, is not an error,
and what is read from it afterwards (``xs[i]``, ``pop``, ``d[k]``, ``d.get(k)``, a ``for``
loop's item) has unknown sizes. A container whose type is declared holds that type only.
"""

from collections import defaultdict
from typing import DefaultDict, Dict, List, Optional, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)


def mlp_layers(widths: List[int]) -> Chain:
    layers = [Dense(784, widths[0], relu)]
    for a, b in zip(widths, widths[1:]):
        layers.append(Dense(a, b, relu))
    layers.append(Dense(widths[-1], 10))
    return Chain(*layers)


def fixed_stack() -> None:
    mlp = [Dense(784, 256, relu)]
    mlp.append(Dense(256, 128, relu))
    mlp.insert(2, Dense(128, 10))
    x = tf.randn(2, 784)
    for layer in mlp:
        x = layer(x)
    print(mlp[1](tf.randn(2, 256)).shape, mlp.pop()(tf.randn(2, 128)).shape)


def conv_stack() -> None:
    convs = [Conv((3, 3), 3, 16, relu)]
    convs += [Conv((3, 3), 16, 32, relu)]
    convs.extend([Conv((3, 3), 32, 64)])
    convs[0] = Conv((1, 1), 3, 16)
    h = tf.randn(1, 3, 16, 16)
    for conv in convs:
        h = conv(h)
    print(h.shape)


heads = {"age": Dense(8, 1)}
heads["gender"] = Dense(8, 2)
got: Optional[Dense] = heads.get("gender")
print(heads["gender"](tf.randn(5, 8)).shape, got)

saved = {"x": tf.randn(2, 3)}
saved["y"] = tf.randn(2, 4)
print((saved["y"] @ tf.randn(4, 7)).shape)

# A slice of an inferred list replaced by tensors of another shape (redteam s13 st02).
spans = [tf.randn(2, 9), tf.randn(2, 9)]
spans[:] = [tf.randn(2, 4), tf.randn(2, 4)]
spans[0:1] = [tf.randn(2, 5)]
spans[:] = (tf.randn(2, 3), tf.randn(2, 3))
spans[:] = (t[:, :2] for t in spans)
spans[:] = map(lambda t: t[:, :1], spans)
spans.extend(t[:, :1] for t in tuple(spans))
spans += (tf.randn(2, 7),)
print(spans[0].shape, spans[1].shape)
declared_spans: List[Tensor[2, 9]] = [tf.randn(2, 9)]
declared_spans[:] = [tf.randn(2, 4)]  # E: Assigned shape Tensor[2, 4] (list item 0) does not match the annotation Tensor[2, 9] of "declared_spans[...]": axis 1 is 4, expected 9  [shape]

mlp_layers([256, 128])
fixed_stack()
conv_stack()

# Declared containers hold their declared type.
declared: Dict[str, Tensor[2, 3]] = {}
declared["y"] = tf.randn(2, 4)  # E: Assigned shape Tensor[2, 4] does not match the annotation Tensor[2, 3] of "declared[...]": axis 1 is 4, expected 3  [shape]
skips: List[Tensor[2, 3]] = []
skips.append(tf.randn(2, 4))  # E: Assigned shape Tensor[2, 4] (appended item) does not match the annotation Tensor[2, 3] of "skips": axis 1 is 4, expected 3  [shape]


# Dicts grown by update, |= and setdefault (a mapping or keyword items of other sizes).
branches = {1: Conv((1, 1), 3, 8)}
branches.update({3: Conv((3, 3), 3, 8, pad=1)})
branches |= {5: Conv((5, 5), 3, 8, pad=2)}
print(branches[5](tf.randn(1, 3, 8, 8)).shape)
cache = {"k": tf.randn(2, 4)}
cache.update(v=tf.randn(2, 6))
first = cache.setdefault("q", tf.randn(3, 4))
print((cache["v"] @ tf.randn(6, 1)).shape, (first @ tf.randn(4, 2)).shape)
declared.update({"z": tf.randn(2, 3), "w": tf.randn(3, 3)})  # E: Assigned shape Tensor[3, 3] (updated item "w") does not match the annotation Tensor[2, 3] of "declared": axis 0 is 3, expected 2  [shape]
declared.update(v=tf.randn(2, 5))  # E: Assigned shape Tensor[2, 5] (updated item "v") does not match the annotation Tensor[2, 3] of "declared": axis 1 is 5, expected 3  [shape]
declared.setdefault("u", tf.randn(2, 2))  # E: Assigned shape Tensor[2, 2] (default value) does not match the annotation Tensor[2, 3] of "declared": axis 1 is 2, expected 3  [shape]


def keep_states(states: Dict[str, Tensor[B, 16]], h: Tensor[B, 16], c: Tensor[B, 32]) -> None:
    states.update(h=h)
    states.update({"c": c})  # E: Assigned shape Tensor[B, 32] (updated item "c") does not match the annotation Tensor[B, 16] of "states": axis 1 is 32, expected 16  [shape]


keep_states({}, tf.randn(2, 16), tf.randn(2, 32))


# The lists of a defaultdict(list) are as the dict: inferred, they take any shape.
activations = defaultdict(list)
activations["conv1"].append(tf.randn(2, 8, 4, 4))
activations["conv1"].append(tf.randn(2, 16, 2, 2))
print(Dense(16, 1)(activations["conv1"][1].mean(axis=(2, 3))).shape)
print(Dense(16, 1)(activations["conv1"].pop().mean(axis=(2, 3))).shape)
history: DefaultDict[str, List[Tensor[2, 3]]] = defaultdict(list)
history["loss"].append(tf.randn(2, 5))  # E: Assigned shape Tensor[2, 5] (appended item) does not match the annotation Tensor[2, 3] of "history[...]": axis 1 is 5, expected 3  [shape]



# A list given to a user function may come back with items of other shapes.
def grow(xs: List[Tensor]) -> None:
    xs.append(tf.randn(1, 16))


saved_states = [tf.randn(1, 8)]
grow(saved_states)
print(Dense(16, 2)(saved_states.pop()).shape)
