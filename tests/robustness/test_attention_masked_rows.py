"""``MultiHeadAttention`` against ``torch.nn.MultiheadAttention`` (torch==2.13.0, test-only):
within 1e-4 unmasked and partly masked; a query whose keys are ALL masked attends to nothing
(its heads give 0, so the layer gives ``out_proj``'s bias, with finite gradients), as PyTorch's
scaled-dot-product path does (its ``need_weights=True`` path gives NaN); typedflux used to give
uniform attention over the forbidden keys.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import pytest

import typedflux as tf

torch = pytest.importorskip("torch")


def _pair(d: int, nheads: int) -> Any:
    ours = tf.MultiHeadAttention(d, nheads)
    ours.out_proj.bias.data[...] = np.linspace(-1, 1, d, dtype=np.float32)
    theirs = torch.nn.MultiheadAttention(d, nheads, batch_first=True)
    with torch.no_grad():
        theirs.in_proj_weight.copy_(torch.from_numpy(np.concatenate(
            [ours.q_proj.weight.numpy(), ours.k_proj.weight.numpy(), ours.v_proj.weight.numpy()])))
        theirs.in_proj_bias.zero_()  # typedflux's projections have no bias, as Flux's
        theirs.out_proj.weight.copy_(torch.from_numpy(ours.out_proj.weight.numpy()))
        theirs.out_proj.bias.copy_(torch.from_numpy(ours.out_proj.bias.numpy()))
    return ours, theirs


def _torch(theirs: Any, q: np.ndarray, k: np.ndarray, mask: Optional[np.ndarray],
           need_weights: bool = False) -> np.ndarray:
    # PyTorch's bool attn_mask is True where attention is NOT allowed: the opposite of ours.
    tq, tk = torch.from_numpy(q), torch.from_numpy(k)
    attn = None if mask is None else torch.from_numpy(~mask)
    with torch.no_grad():
        out, _ = theirs(tq, tk, tk, attn_mask=attn, need_weights=need_weights)
    return out.numpy()  # type: ignore[no-any-return]


@pytest.mark.parametrize("d, nheads, tq, tk", [(8, 2, 5, 5), (12, 3, 4, 6), (4, 1, 1, 3)])
def test_unmasked_and_partly_masked_match_pytorch(d: int, nheads: int, tq: int, tk: int) -> None:
    ours, theirs = _pair(d, nheads)
    r = np.random.default_rng(d + tq)
    q = r.standard_normal((2, tq, d)).astype(np.float32)
    k = r.standard_normal((2, tk, d)).astype(np.float32)
    np.testing.assert_allclose(ours(tf.tensor(q), tf.tensor(k), tf.tensor(k)).numpy(),
                               _torch(theirs, q, k, None), atol=1e-4, rtol=1e-4)
    mask = r.random((tq, tk)) > 0.4
    mask[:, 0] = True  # every query sees one key at least
    np.testing.assert_allclose(ours(tf.tensor(q), tf.tensor(k), tf.tensor(k), mask=mask).numpy(),
                               _torch(theirs, q, k, mask), atol=1e-4, rtol=1e-4)


def test_a_fully_masked_query_gives_out_proj_bias_as_pytorch_sdpa_does() -> None:
    ours, theirs = _pair(8, 2)
    r = np.random.default_rng(3)
    x = r.standard_normal((2, 4, 8)).astype(np.float32)
    mask = np.tril(np.ones((4, 4), bool))
    mask[2] = False  # query 2 may see no key
    got = ours(tf.tensor(x), mask=mask).numpy()
    np.testing.assert_array_equal(got[:, 2], np.broadcast_to(ours.out_proj.bias.numpy(), (2, 8)))
    np.testing.assert_allclose(got, _torch(theirs, x, x, mask), atol=1e-4, rtol=1e-4)
    assert np.isnan(_torch(theirs, x, x, mask, need_weights=True)[:, 2]).all()  # the other path
    # Nothing from the forbidden keys reaches query 2: changing them changes nothing there,
    # and the gradients are finite.
    x2 = x.copy()
    x2[:, 3] += 10.0
    np.testing.assert_array_equal(ours(tf.tensor(x2), mask=mask).numpy()[:, 2], got[:, 2])
    (g,) = tf.gradient(lambda t: ours(t, mask=mask).sum(), tf.tensor(x))
    assert np.isfinite(g.numpy()).all()
