"""The court package: a signed BagIt bag of one person's or incident's case file and evidence.

`export_package` writes one; `verify_package` checks one with no workspace at all.
"""

from pursuit.cases.package.check import Finding, PackageCheck, PackageProblem, verify_package
from pursuit.cases.package.contents import LOAD_FILE_COLUMNS, Status
from pursuit.cases.package.export import PackageReport, export_package, report_json

__all__ = [
    "LOAD_FILE_COLUMNS",
    "Finding",
    "PackageCheck",
    "PackageProblem",
    "PackageReport",
    "Status",
    "export_package",
    "report_json",
    "verify_package",
]
