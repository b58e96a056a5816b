"""The fictional sample case, and building a demo workspace from it in a folder of its own."""

from pursuit.demo.build import DEMO_CASE, DemoSummary, build_demo, corpus_dir, open_demo
from pursuit.demo.target import MARKER, DemoPlan, prepare_demo_home

__all__ = [
    "DEMO_CASE",
    "MARKER",
    "DemoPlan",
    "DemoSummary",
    "build_demo",
    "corpus_dir",
    "open_demo",
    "prepare_demo_home",
]
