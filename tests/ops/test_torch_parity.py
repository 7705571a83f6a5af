"""The ops against PyTorch as an oracle: same inputs in float64, same outputs and same input
gradients (of ``sum(out * u)`` for a random cotangent ``u``).

Each case calls typedflux and torch the way a user of each would write it, so the argument
conventions that differ on purpose (docs/reference.md, "Differences from PyTorch") show up
here as the translation from one call to the other.
"""

from __future__ import annotations

from typing import Any, Callable, List, Sequence, Tuple

import numpy as np
import pytest

import typedflux as tf

torch = pytest.importorskip("torch")  # the `test` extra pins torch==2.13.0

Case = Tuple[str, Callable[..., Any], Callable[..., Any], List[Any]]
_IDX = np.array([[0, 3, 3], [1, 0, 2], [2, 2, 1]])  # repeats: gradients must accumulate


def _arr(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def _distinct(*shape: int, seed: int = 0) -> np.ndarray:
    # Unique values (no ties), so max/argmax agree on which element wins.
    r = np.random.default_rng(seed)
    n = int(np.prod(shape))
    return r.permutation(n).reshape(shape).astype(np.float64) + r.uniform(0, 0.1, shape)


CASES: List[Case] = [
    ("sin", tf.sin, torch.sin, [_arr(3, 4)]),
    ("cos", tf.cos, torch.cos, [_arr(3, 4)]),
    ("clamp", lambda x: tf.clamp(x, min=-0.5, max=0.5),
     lambda x: torch.clamp(x, min=-0.5, max=0.5), [_arr(4, 5)]),
    ("clamp-min", lambda x: tf.clamp(x, min=0.1), lambda x: x.clamp(min=0.1), [_arr(6)]),
    ("tril", tf.tril, torch.tril, [_arr(4, 5)]),
    ("tril-k", lambda x: tf.tril(x, k=-1), lambda x: torch.tril(x, diagonal=-1), [_arr(2, 4, 4)]),
    ("triu-k", lambda x: tf.triu(x, 1), lambda x: torch.triu(x, 1), [_arr(3, 5)]),
    ("cumsum", lambda x: tf.cumsum(x, axis=1), lambda x: torch.cumsum(x, dim=1), [_arr(3, 4)]),
    ("var", tf.var, torch.var, [_arr(3, 4)]),
    ("var-axis", lambda x: tf.var(x, axis=1, keepdims=True),
     lambda x: torch.var(x, dim=1, keepdim=True), [_arr(3, 4)]),
    ("var-pop", lambda x: tf.var(x, axis=(0, 2), correction=0),
     lambda x: torch.var(x, dim=(0, 2), correction=0), [_arr(2, 3, 4)]),
    ("std", lambda x: tf.std(x, axis=0), lambda x: torch.std(x, dim=0), [_arr(5, 3)]),
    ("max-axis", lambda x: tf.max(x, axis=1), lambda x: torch.max(x, dim=1).values,
     [_distinct(3, 4)]),
    ("min-all", tf.min, torch.min, [_distinct(3, 4)]),
    ("max-keep", lambda x: tf.max(x, axis=0, keepdims=True),
     lambda x: torch.amax(x, dim=0, keepdim=True), [_distinct(3, 4)]),
    # einsum: the same subscripts in both
    *[(f"einsum-{subs}", lambda *xs, s=subs: tf.einsum(s, *xs),
       lambda *xs, s=subs: torch.einsum(s, *xs), [_arr(*sh, seed=i) for i, sh in enumerate(shapes)])
      for subs, shapes in [
          ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
          ("bhtd,bhsd->bhts", [(2, 2, 3, 4), (2, 2, 5, 4)]),
          ("ii->i", [(3, 3)]),
          ("ij->", [(3, 4)]),
          ("...ij,...jk->...ik", [(2, 3, 4), (4, 5)]),
          ("i,j->ij", [(3,), (4,)]),
          ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
      ]],
    # split/chunk: several outputs, joined here so one cotangent covers them all
    ("split", lambda x: tf.concat([p * (i + 1.0) for i, p in enumerate(tf.split(x, (1, 3, 2)))], axis=-1),
     lambda x: torch.cat([p * (i + 1.0) for i, p in enumerate(torch.split(x, [1, 3, 2], dim=-1))], dim=-1),
     [_arr(3, 6)]),
    ("chunk-axis0", lambda x: tf.concat([p * (i + 1.0) for i, p in enumerate(tf.chunk(x, 2, axis=0))], axis=0),
     lambda x: torch.cat([p * (i + 1.0) for i, p in enumerate(torch.chunk(x, 2, dim=0))], dim=0),
     [_arr(4, 3)]),
    ("split-unused", lambda x: tf.split(x, (2, 2))[1], lambda x: torch.split(x, 2, dim=-1)[1],
     [_arr(3, 4)]),
    # copies and padding
    ("tile", lambda x: tf.tile(x, 2, 1, 3), lambda x: torch.tile(x, (2, 1, 3)), [_arr(2, 3)]),
    ("repeat", lambda x: tf.repeat(x, 2, 3), lambda x: x.repeat(2, 3), [_arr(2, 3)]),
    ("repeat_interleave", lambda x: tf.repeat_interleave(x, 3, axis=1),
     lambda x: torch.repeat_interleave(x, 3, dim=1), [_arr(2, 3)]),
    ("repeat_interleave-flat", lambda x: tf.repeat_interleave(x, 2),
     lambda x: torch.repeat_interleave(x, 2), [_arr(2, 3)]),
    # pad: pairs in axis order here, flattened from the last axis backwards in torch
    ("pad-constant", lambda x: tf.pad(x, ((0, 0), (1, 2), (3, 0)), value=0.5),
     lambda x: torch.nn.functional.pad(x, (3, 0, 1, 2), value=0.5), [_arr(2, 3, 4)]),
    *[(f"pad-{mode}", lambda x, m=mode: tf.pad(x, ((0, 0), (0, 0), (2, 1), (1, 3)), mode=m),
       lambda x, m=mode: torch.nn.functional.pad(x, (1, 3, 2, 1), mode=m), [_arr(1, 2, 4, 5)])
      for mode in ("reflect", "replicate", "circular")],
    # picking along an axis
    ("take_along_axis", lambda x: tf.take_along_axis(x, tf.tensor(_IDX), axis=1),
     lambda x: torch.take_along_dim(x, torch.tensor(_IDX), dim=1), [_arr(3, 4)]),
    ("gather", lambda x: tf.gather(x, 1, tf.tensor(_IDX[:2])),
     lambda x: torch.gather(x, 1, torch.tensor(_IDX[:2])), [_arr(3, 4)]),
    # einops reduce: torch reduces over dims, then permutes/reshapes
    ("reduce-mean", lambda x: tf.reduce(x, "b t d -> d b", "mean"),
     lambda x: x.mean(dim=1).permute(1, 0), [_arr(2, 3, 4)]),
    ("reduce-max", lambda x: tf.reduce(x, "b (h w) c -> b c", "max", h=2),
     lambda x: torch.amax(x, dim=1), [_distinct(2, 6, 3)]),
    ("reduce-sum", lambda x: tf.reduce(x, "a b c -> (c a)", "sum"),
     lambda x: x.sum(dim=1).permute(1, 0).reshape(-1), [_arr(2, 3, 4)]),
    # rearrange: torch spells it as view/permute
    ("rearrange-heads", lambda x: tf.rearrange(x, "b t (h d) -> b h t d", h=2),
     lambda x: x.reshape(2, 3, 2, 4).permute(0, 2, 1, 3), [_arr(2, 3, 8)]),
    ("rearrange-merge", lambda x: tf.rearrange(x, "b h t d -> b t (h d)"),
     lambda x: x.permute(0, 2, 1, 3).reshape(2, 3, 8), [_arr(2, 2, 3, 4)]),
    ("rearrange-ellipsis", lambda x: tf.rearrange(x, "b ... c -> b c (...)"),
     lambda x: x.permute(0, 3, 1, 2).reshape(2, 5, 12), [_arr(2, 3, 4, 5)]),
]

# Integer outputs: compared as values, no gradient.
INT_CASES: List[Case] = [
    ("argmax", lambda x: tf.argmax(x, axis=1), lambda x: torch.argmax(x, dim=1),
     [_distinct(3, 4)]),
    ("argmax-all", tf.argmax, torch.argmax, [_distinct(3, 4)]),
    ("argmin-keep", lambda x: tf.argmin(x, axis=0, keepdims=True),
     lambda x: torch.argmin(x, dim=0, keepdim=True), [_distinct(3, 4)]),
]


def _ours(fn: Callable[..., Any], inputs: Sequence[np.ndarray]) -> Tuple[Any, List[Any]]:
    xs = [tf.Tensor(a, dtype=np.float64) for a in inputs]
    out = fn(*xs)
    u = np.random.default_rng(7).standard_normal(out.shape)
    grads = tf.gradient(lambda *a: (fn(*a) * tf.Tensor(u, dtype=np.float64)).sum(), *xs)
    return out.numpy(), [None if g is None else g.numpy() for g in grads]


def _theirs(fn: Callable[..., Any], inputs: Sequence[np.ndarray]) -> Tuple[Any, List[Any]]:
    xs = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in inputs]
    out = fn(*xs)
    u = torch.tensor(np.random.default_rng(7).standard_normal(tuple(out.shape)))
    (out * u).sum().backward()
    return out.detach().numpy(), [None if x.grad is None else x.grad.numpy() for x in xs]


@pytest.mark.parametrize("name, ours, theirs, inputs", CASES, ids=[c[0] for c in CASES])
def test_matches_torch(name: str, ours: Any, theirs: Any, inputs: List[Any]) -> None:
    out, grads = _ours(ours, inputs)
    ref, ref_grads = _theirs(theirs, inputs)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out, ref, rtol=1e-10, atol=1e-12)
    for g, r in zip(grads, ref_grads):
        np.testing.assert_allclose(g, r, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name, ours, theirs, inputs", INT_CASES, ids=[c[0] for c in INT_CASES])
def test_integer_results_match_torch(name: str, ours: Any, theirs: Any, inputs: List[Any]) -> None:
    out = ours(*[tf.Tensor(a, dtype=np.float64) for a in inputs])
    ref = theirs(*[torch.tensor(a) for a in inputs])
    assert out.dtype == np.int64
    assert out.shape == tuple(ref.shape)
    np.testing.assert_array_equal(out.numpy(), ref.numpy())
