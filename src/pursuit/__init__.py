"""pursuit: an evidence and case-building workbench for documenting atrocity crimes."""

__version__ = "0.1.0"

__all__ = ["__version__"]
