"""Test helper: the text a rendered figure really draws, and where text collides.

``drawn_text_boxes`` renders a figure with the Agg backend and records every text artist that
is actually drawn (tick labels inside the view, annotations, titles, legend texts, notes), with
its bounding box in pixels. ``text_problems`` lists overlapping pairs and boxes outside the
figure, so a test can assert that there are none.
"""
from __future__ import annotations

from unittest import mock

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text


def drawn_text_boxes(fig) -> list[tuple[str, object]]:
    """(text, Bbox in display pixels) of every non-blank text artist the figure draws."""
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    seen: dict[int, Text] = {}
    original = Text.draw

    def recording_draw(self, rend):
        if self.get_visible() and self.get_text().strip():
            seen[id(self)] = self
        return original(self, rend)

    with mock.patch.object(Text, "draw", recording_draw):
        fig.draw(renderer)
    return [(t.get_text(), t.get_window_extent(renderer)) for t in seen.values()]


def text_problems(fig, tolerance: float = 1.0) -> list[str]:
    """Human-readable problems: pairs of drawn texts whose boxes overlap by more than
    ``tolerance`` pixels each way, and texts reaching outside the figure."""
    boxes = drawn_text_boxes(fig)
    problems = []
    width, height = fig.bbox.width, fig.bbox.height
    for text, box in boxes:
        if (box.x0 < -tolerance or box.y0 < -tolerance or box.x1 > width + tolerance
                or box.y1 > height + tolerance):
            problems.append(f"outside the figure: {text!r} at {box.bounds}")
    if len(boxes) > 1:
        arr = np.array([[b.x0, b.y0, b.x1, b.y1] for _, b in boxes])
        ox = (np.minimum(arr[:, None, 2], arr[None, :, 2])
              - np.maximum(arr[:, None, 0], arr[None, :, 0]))
        oy = (np.minimum(arr[:, None, 3], arr[None, :, 3])
              - np.maximum(arr[:, None, 1], arr[None, :, 1]))
        hits = np.argwhere(np.triu((ox > tolerance) & (oy > tolerance), k=1))
        for i, j in hits[:20]:
            problems.append(f"overlap: {boxes[i][0]!r} and {boxes[j][0]!r}")
        if len(hits) > 20:
            problems.append(f"... and {len(hits) - 20} more overlapping pairs")
    return problems
