"""Images: kept as they are, described, and handed to OCR (photographs of documents, scans).

Only the picture's technical description is read here; its text comes from the OCR stage. Faces
are never analysed: pursuit does no face recognition of people.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pursuit.errors import MalformedInput, UnsafeInput
from pursuit.extract.base import ChildFile, Extracted, Probe

__all__ = ["Picture", "describe_image"]

# About 180 megapixels: a 600-dpi A1 scan fits, a decompression bomb does not.
_MAX_PIXELS = 180_000_000


def describe_image(path: Path) -> dict[str, str]:
    """Format, size and frame count; raises for files that are not images or are bombs."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                if image.width * image.height > _MAX_PIXELS:
                    raise UnsafeInput(
                        f"image of {image.width}×{image.height} pixels is larger than "
                        f"{_MAX_PIXELS} pixels; not decoded"
                    )
                image.verify()
                return {
                    "format": str(image.format),
                    "width": str(image.width),
                    "height": str(image.height),
                    "frames": str(getattr(image, "n_frames", 1)),
                    "mode": str(image.mode),
                }
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise MalformedInput(f"corrupt or unsupported image: {exc}") from exc
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise UnsafeInput(f"image refused as a decompression bomb: {exc}") from exc


class Picture:
    """Raster images; text comes from OCR."""

    name = "image"

    def match(self, probe: Probe) -> float:
        return 0.8 if probe.mime.startswith("image/") and probe.mime != "image/svg+xml" else 0.0

    def extract(self, probe: Probe) -> Extracted:
        metadata = describe_image(probe.path)
        return Extracted("", "pillow", version("pillow"), metadata, needs_ocr=True)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        return iter(())
