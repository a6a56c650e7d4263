"""Sentences, actor and place mentions linked to the KB, discovered actors and light coreference."""

from claimgraph.nlp.annotate import AnnotatedDoc, Mention, Sentence, annotate

__all__ = ["AnnotatedDoc", "Mention", "Sentence", "annotate"]
