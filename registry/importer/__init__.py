"""Importing the spreadsheets clerks keep: read (calamine), check every row and compare with
the register (preview, nothing written), then write the accepted rows in one transaction
(commit). Also the empty templates to fill in and the workbook of rejected rows."""

from registry.importer.commit import ImportRejected, commit_import
from registry.importer.errors_workbook import write_error_workbook
from registry.importer.kinds import KINDS
from registry.importer.model import FieldChange, ImportPreview, ImportProblem, ImportResult, RowPlan
from registry.importer.preview import preview_import
from registry.importer.summary import listed_problems
from registry.importer.templates import write_template

__all__ = [
    "KINDS", "FieldChange", "ImportPreview", "ImportProblem", "ImportRejected", "ImportResult",
    "RowPlan", "commit_import", "listed_problems", "preview_import", "write_error_workbook", "write_template",
]
