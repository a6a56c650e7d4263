"""Reading articles into Documents: text, Markdown, HTML, PDF, JSONL, directories and standard input.

``iter_documents`` is the entry point; ``near_duplicates`` links syndicated copies of one story.
See docs/ingest.md for the formats, metadata fields and errors.
"""

from claimgraph.ingest.clean import clean_text
from claimgraph.ingest.metadata import DocDefaults, parse_date
from claimgraph.ingest.near_duplicates import NearDuplicateIndex, signature
from claimgraph.ingest.sources import MAX_BYTES, SUPPORTED_EXTENSIONS, iter_documents
from claimgraph.ingest.text import read_text_document

__all__ = ["MAX_BYTES", "SUPPORTED_EXTENSIONS", "DocDefaults", "NearDuplicateIndex", "clean_text",
           "iter_documents", "parse_date", "read_text_document", "signature"]
