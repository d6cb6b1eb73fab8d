"""Which cells of the aligner's band can lie on its best path, found with numpy lower bounds.

Why: :func:`transaudit.input.align.align_paragraphs` prices every cell of a band ~51
cells wide around the diagonal in Python (Gale–Church length cost, anchor cost, and the
2:1 and 1:2 moves, which may cut a paragraph into pysbd sentences). On a 50,000-paragraph
article that is 2.5 million cells and minutes of CPU, while the best path passes through
one cell a row. Here every cell gets a *lower bound* of its step costs, computed for the
whole band at once: the anchor cost exactly, the length cost from a tight approximation
of ``erfc`` minus its error bound, and a 2:1 or 1:2 move by the aligner's own bound of a
cut (``align._cut_bound``), so no paragraph is cut into sentences. A forward pass gives a
lower bound ``F`` of the cheapest cost from the start to each cell; the cuts on the
cheapest path under these bounds are then priced exactly and the pass re-run from there,
until that path makes no cut priced by its bound alone. A backward pass gives a lower
bound ``B`` from each cell to the end, and that path, priced exactly by the aligner's own
scorer, an upper bound ``U`` of the best path's cost. A cell with ``F + B > U`` (beyond a
margin for rounding) lies on no path as cheap as the best one, so the aligner need not
price it: on a 5,000-paragraph article about one cell a row is left of ~51.

Why the aligner's answer cannot change: every cell of the best path survives (its ``F +
B`` is at most the best cost), so those cells keep their exact values; a cell left out
only makes other candidates dearer (unreachable), never cheaper, so each cell of the best
path still picks the same predecessor, ties included, and the trace back is the same
path. ``tests/input/test_band.py`` compares the two on perturbed article pairs.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

#: ``-log(1e-300)``: the length cost's ceiling (the aligner clamps erfc at 1e-300).
_CEILING = -math.log(1e-300)
#: Numerical Recipes' ``erfcc`` has a fractional error below 1.2e-7 everywhere, so its
#: ``-log`` is within 1.2e-7 of the true one; this much is taken off each bound.
_APPROXIMATION = 1e-6
#: Slack the aligner allows for rounding when it compares a bound with a computed cost.
_ROUNDING = 1e-7
#: Rounds of pricing the cuts of the bounds' cheapest path exactly (then it is used as is).
_REFINE_ROUNDS = 20
#: Beyond this many cells (five arrays of 8-byte floats, ~100 MB each) the aligner prices
#: every cell as it did before (about 100,000 paragraphs a side).
_MAX_CELLS = 12_000_000
#: Rows of the band whose step costs are computed in one numpy operation.
_BLOCK = 2048
#: Chebyshev coefficients of Numerical Recipes' ``erfcc`` (t = 1 / (1 + z / 2)).
_ERFCC = (-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807,
          -1.13520398, 1.48851587, -0.82215223, 0.17087277)


def neg_log_erfc_lower(z: Any) -> Any:
    """A lower bound of ``-log(max(erfc(z), 1e-300))`` for an array of ``z >= 0``, within ~1e-6."""
    import numpy as np

    t = 1.0 / (1.0 + 0.5 * z)
    poly = np.full_like(z, _ERFCC[-1])
    for coefficient in reversed(_ERFCC[:-1]):
        poly = coefficient + t * poly
    return np.minimum(z * z - poly - np.log(t), _CEILING) - _APPROXIMATION


def length_cost_lower(ls: Any, lt: Any, ratio: float, s2: float) -> Any:
    """A lower bound of ``align._length_cost`` over arrays of lengths (never above it)."""
    import numpy as np

    mean = (ls + lt / ratio) / 2
    mean = np.where(mean == 0, 1.0, mean)
    delta = (lt - ls * ratio) / np.sqrt(mean * s2)
    cost = neg_log_erfc_lower(np.abs(delta) / math.sqrt(2))
    return np.where((ls == 0) & (lt == 0), 0.0, np.maximum(cost, 0.0))


def cut_cost_lower(size: Any, gap: Any, l0: Any, l1: Any, one_is_target: bool, ratio: float, s2: float,
                   skip: float) -> Any:
    """``align._cut_bound`` over arrays, from below: ``gap`` may be any upper bound of the widest space."""
    import numpy as np

    if one_is_target:
        ends = np.minimum(skip + length_cost_lower(l1, size, ratio, s2),
                          length_cost_lower(l0, size, ratio, s2) + skip)
        expected = (l0 + l1) * ratio
        spread = np.maximum(l0 + size / ratio, l1 + size / ratio) / 2
        scale = 1.0
    else:
        ends = np.minimum(skip + length_cost_lower(size, l1, ratio, s2),
                          length_cost_lower(size, l0, ratio, s2) + skip)
        expected = (l0 + l1) / ratio
        spread = np.maximum(size + l0 / ratio, size + l1 / ratio) / 2
        scale = ratio
    miss = np.maximum(np.maximum(size - gap - expected, expected - size), 0.0)
    delta = scale * miss / 2 / np.sqrt(np.maximum(spread, 1.0) * s2)
    pieces = neg_log_erfc_lower(delta / math.sqrt(2))
    return np.where(miss == 0.0, 0.0, np.maximum(np.minimum(ends, pieces) - _ROUNDING, 0.0))


def surviving_cells(
    source_lengths: Sequence[int],
    target_lengths: Sequence[int],
    source_gaps: Sequence[int],
    target_gaps: Sequence[int],
    band: int,
    source_anchors: Sequence[frozenset[str]],
    target_anchors: Sequence[frozenset[str]],
    ratio: float,
    s2: float,
    moves: dict[tuple[int, int], float],
    cut_cost: Callable[[int, int, int, int], float],
    path_cost: Callable[[list[tuple[int, int]]], float],
) -> list[list[int]] | None:
    """For each row ``i`` of the band (0..n), the target indices ``j`` the aligner must price.

    The band is the aligner's: row ``i`` spans ``int(i * m / n) ± band`` within ``0..m``.
    ``*_gaps`` bound each paragraph's widest run of spaces from above;
    ``*_anchors`` are the aligner's anchors of each paragraph; ``cut_cost(i, j, di,
    dj)`` the exact cost of a 2:1 or 1:2 step into cell (i, j) beyond its prior;
    ``path_cost`` prices a path of cells ``[(0, 0), …, (n, m)]`` exactly, with the
    aligner's own float operations. None when the sides are so unequal that the band's
    rows drift apart by more than a few cells a row, or the band is too big to hold as
    arrays (the aligner then prices every cell).
    """
    import numpy as np

    n, m = len(source_lengths), len(target_lengths)
    if n == 0 or m == 0:
        return None
    inf = math.inf
    width = 2 * band + 1
    centre = np.array([int(i * m / n) for i in range(n + 1)], dtype=np.int64)  # as the aligner rounds
    base = centre - band  # column j of row i is stored at k = j - base[i]
    first_k = np.maximum(0, base) - base  # the row's first valid k (its lo)
    last_k = np.minimum(m, centre + band) - base  # and its last (hi)
    pad = int(np.diff(base).max(initial=0)) * 2 + 3
    if pad > 16 or (n + 1) * (width + 2 * pad) > _MAX_CELLS:
        return None
    m10, m01, m21, m12 = moves[(1, 0)], moves[(0, 1)], moves[(2, 1)], moves[(1, 2)]

    # Lower bounds of the 1:1, 2:1 and 1:2 steps into each cell (inf where impossible).
    ls = np.asarray(source_lengths, dtype=np.float64)
    lt = np.asarray(target_lengths, dtype=np.float64)
    gs = np.asarray(source_gaps, dtype=np.float64)
    gt = np.asarray(target_gaps, dtype=np.float64)
    positions: dict[str, list[int]] = {}  # anchor -> the target paragraphs that have it
    for j, anchors in enumerate(target_anchors):
        for anchor in anchors:
            positions.setdefault(anchor, []).append(j)
    sizes = np.array([len(anchors) for anchors in target_anchors], dtype=np.float64)
    one_one = np.full((n + 1, width), inf)
    two_one = np.full((n + 1, width), inf)
    one_two = np.full((n + 1, width), inf)
    for start in range(1, n + 1, _BLOCK):  # in blocks of rows: the temporaries stay small
        rows = np.arange(start, min(n + 1, start + _BLOCK))
        columns = base[rows, None] + np.arange(width)[None, :]
        lowest = np.maximum(base[rows] + first_k[rows], 1)[:, None]
        possible = (columns >= lowest) & (columns <= (base[rows] + last_k[rows])[:, None])
        target = np.clip(columns - 1, 0, m - 1)
        source = (rows - 1)[:, None]
        lengths = length_cost_lower(ls[source], lt[target], ratio, s2)
        anchors = _anchor_costs(source_anchors, target_anchors, start, base, last_k, width, positions, sizes)
        one_one[rows] = np.where(possible, (lengths + anchors) + moves[(1, 1)], inf)
        # 2:1 cuts target j - 1 for sources i - 2 and i - 1; 1:2 cuts source i - 1 for targets j - 2, j - 1.
        earlier = np.maximum(source - 1, 0)
        cut = cut_cost_lower(lt[target], gt[target], ls[earlier], ls[source], True, ratio, s2, m10)
        two_one[rows] = np.where(possible & (source >= 1), cut + m21, inf)
        previous = np.clip(columns - 2, 0, m - 1)
        cut = cut_cost_lower(ls[source], gs[source], lt[previous], lt[target], False, ratio, s2, m10)
        one_two[rows] = np.where(possible & (columns >= 2), cut + m12, inf)
    along = m01 * np.arange(width, dtype=np.float64)
    # Rows padded with inf on both sides, so a shifted row is a slice, not a copy.
    padding = np.full((n + 1, pad), inf)
    one_one = np.hstack((padding, one_one, padding))
    two_one = np.hstack((padding, two_one, padding))
    one_two = np.hstack((padding, one_two, padding))
    del padding
    bases = base.tolist()
    spans = list(zip(first_k.tolist(), (last_k + 1).tolist(), strict=True))
    forward = np.full((n + 1, width + 2 * pad), inf)
    forward[0, pad - bases[0]] = 0.0

    def run_forward(begin: int) -> None:
        for i in range(begin, n + 1):
            a, b = spans[i]
            a += pad
            b += pad
            row = forward[i, a:b]
            if i:
                d = bases[i] - bases[i - 1]
                previous = forward[i - 1]
                np.minimum(previous[a + d - 1 : b + d - 1] + one_one[i, a:b], previous[a + d : b + d] + m10,
                           out=row)
                np.minimum(row, previous[a + d - 2 : b + d - 2] + one_two[i, a:b], out=row)
                if i >= 2:
                    d = bases[i] - bases[i - 2] - 1
                    np.minimum(row, forward[i - 2, a + d : b + d] + two_one[i, a:b], out=row)
            # 0:1 moves along the row: F[k] = min(candidate[k], F[k - 1] + m01).
            steps = along[: b - a]
            np.minimum(row, np.minimum.accumulate(row - steps) + steps, out=row)

    # The cheapest path under the bounds, with the cuts it makes priced exactly, until
    # it makes no cut priced by its bound alone (a few rounds at most, then stop trying).
    run_forward(0)
    priced: set[tuple[int, int, int]] = set()
    for _round in range(_REFINE_ROUNDS):
        path = _cheapest_path(n, m, bases, forward, one_one, two_one, one_two, m10, m01, pad)
        cuts = [(i, j, i - pi) for (pi, pj), (i, j) in itertools.pairwise(path)
                if (i - pi, j - pj) in ((2, 1), (1, 2)) and (i, j, i - pi) not in priced]
        if not cuts:
            break
        for i, j, di in cuts:
            priced.add((i, j, di))
            exact = cut_cost(i, j, di, 3 - di) - _ROUNDING
            table, prior = (two_one, m21) if di == 2 else (one_two, m12)
            k = pad + j - bases[i]
            table[i, k] = max(table[i, k], prior + exact)
        run_forward(min(i for i, _, _ in cuts))

    backward = np.full((n + 1, width + 2 * pad), inf)
    backward[n, pad + m - bases[n]] = 0.0
    for i in range(n, -1, -1):
        a, b = spans[i]
        a += pad
        b += pad
        row = backward[i, a:b]
        if i < n:
            d = bases[i] - bases[i + 1]
            after = backward[i + 1]
            np.minimum(after[a + d + 1 : b + d + 1] + one_one[i + 1, a + d + 1 : b + d + 1],
                       after[a + d : b + d] + m10, out=row)
            np.minimum(row, after[a + d + 2 : b + d + 2] + one_two[i + 1, a + d + 2 : b + d + 2], out=row)
            if i + 2 <= n:
                d = bases[i] - bases[i + 2] + 1
                np.minimum(row, backward[i + 2, a + d : b + d] + two_one[i + 2, a + d : b + d], out=row)
        # 0:1 moves along the row: B[k] = min(candidate[k], B[k + 1] + m01).
        steps = along[: b - a]
        np.minimum(row, np.minimum.accumulate((row + steps)[::-1])[::-1] - steps, out=row)

    upper = path_cost(path)
    scale = max(abs(upper), float(np.abs(forward[np.isfinite(forward)]).max()),
                float(np.abs(backward[np.isfinite(backward)]).max()))
    margin = 1e-6 + 1e-12 * (n + m + 2) * (1.0 + scale)
    backward += forward
    keep = backward[:, pad : pad + width] <= upper + margin
    for i, j in path:  # the bound's own path is priced too
        keep[i, j - bases[i]] = True
    kept_rows, kept_ks = np.nonzero(keep)
    rows = np.arange(n + 1)
    starts = np.searchsorted(kept_rows, rows)
    ends = np.searchsorted(kept_rows, rows, side="right")
    columns = kept_ks + base[kept_rows]
    return [columns[starts[i] : ends[i]].tolist() for i in range(n + 1)]


def _anchor_costs(source_anchors: Sequence[frozenset[str]], target_anchors: Sequence[frozenset[str]],
                  start: int, base: Any, last_k: Any, width: int, positions: dict[str, list[int]],
                  sizes: Any) -> Any:
    """``_Scorer.anchor_cost`` of the 1:1 step into each cell of rows ``start …`` (a block).

    The anchors two paragraphs share are counted from each anchor's list of target
    paragraphs (bisected to the row's span) instead of intersecting ~51 sets a row.
    """
    import numpy as np

    n, m = len(source_anchors), len(target_anchors)
    stop = min(n + 1, start + _BLOCK)
    cells: list[int] = []
    for i in range(start, stop):
        anchors = source_anchors[i - 1]
        if not anchors:
            continue
        first = max(int(base[i]), 1) - 1  # target paragraphs first .. last (0-based), j - 1
        last = min(int(base[i] + last_k[i]), m) - 1
        offset = (i - start) * width - int(base[i]) + 1  # cell index of target paragraph t: offset + t
        for anchor in anchors:
            found = positions.get(anchor)
            if found is not None:
                low, high = bisect_left(found, first), bisect_right(found, last)
                cells.extend(offset + t for t in found[low:high])
    count = stop - start
    shared = np.bincount(np.asarray(cells, dtype=np.int64), minlength=count * width).reshape(count, width)
    mine = np.array([len(source_anchors[i - 1]) for i in range(start, stop)], dtype=np.float64)[:, None]
    theirs = sizes[np.clip(base[start:stop, None] + np.arange(width)[None, :] - 1, 0, m - 1)]
    disjoint = np.where(np.minimum(mine, theirs) >= 2, 1.0, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        overlap = -2.0 * shared / np.maximum(mine, theirs)
    return np.where((mine == 0) | (theirs == 0), 0.0, np.where(shared == 0, disjoint, overlap))


def _cheapest_path(n: int, m: int, bases: list[int], forward: Any, one_one: Any, two_one: Any, one_two: Any,
                   m10: float, m01: float, pad: int) -> list[tuple[int, int]]:
    """A cheapest path under the forward bounds (rows padded by ``pad``), traced back from (n, m)."""
    width = forward.shape[1] - 2 * pad
    cells = [(n, m)]
    i, j = n, m
    while (i, j) != (0, 0):
        k = pad + j - bases[i]
        here = float(forward[i, k])
        best, step = math.inf, (0, 0)
        for (di, dj), cost in (((1, 1), one_one[i, k]), ((1, 0), m10), ((0, 1), m01),
                               ((2, 1), two_one[i, k]), ((1, 2), one_two[i, k])):
            pi, pj = i - di, j - dj
            if pi < 0 or pj < 0 or not 0 <= pj - bases[pi] < width:
                continue
            gap = abs(float(forward[pi, pad + pj - bases[pi]]) + float(cost) - here)
            if gap < best:
                best, step = gap, (di, dj)
        i, j = i - step[0], j - step[1]
        cells.append((i, j))
    cells.reverse()
    return cells
