"""Claims, events, attribution, hedging and polarity from one annotated document.

Pure functions of one document: the same code runs in one process, in a pool or on a cluster's workers.
"""

from claimgraph.extract.pipeline import EXTRACTOR, extract_document, forget_texts

__all__ = ["EXTRACTOR", "extract_document", "forget_texts"]
