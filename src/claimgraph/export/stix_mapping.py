"""The vocabulary mapping between claimgraph and STIX 2.1 (see docs/exports.md)."""

from __future__ import annotations

PROFILES = ("default", "opencti")

# claimgraph relation → STIX relationship type (default profile).
RELATIONSHIP_TYPES = {
    "supports": "supports",
    "allied_with": "cooperates-with",
    "rival_of": "rival-of",
    "attacks": "targets",
    "member_of": "part-of",
    "splinter_of": "splinter-of",
    "leads": "leads",
    "operates_in": "located-at",
}
# Relationship types claimgraph declares itself; the OpenCTI profile writes them as related-to + a label.
CUSTOM_RELATIONSHIP_TYPES = frozenset({"supports", "rival-of", "splinter-of", "leads"})
# Every relationship type an export may carry whose source/target pair is not among the STIX 2.1
# specification's suggestions (stix2-validator warns about these, code 202 "relationship-types").
WARNED_RELATIONSHIP_TYPES = frozenset({*CUSTOM_RELATIONSHIP_TYPES, "cooperates-with", "part-of", "targets",
                                       "located-at", "attributed-to", "related-to"})

# Labels the exports put on objects, kept apart from free text so that import can read them back.
LABEL_HEDGED = "hedged"
LABEL_NEGATED = "negated"
LABEL_CLAIMED = "claimed"
LABEL_PERPETRATOR = "perpetrator"
LABEL_KB = "knowledge-base"
LABEL_CONTRADICTION = "contradiction"

ACTOR_LABELS = {
    "armed_group": "armed-group", "state": "state", "state_agency": "state-agency",
    "political_party": "political-party", "person": "person", "international_org": "international-org",
    "other": "other",
}
IDENTITY_CLASSES = {
    "state": "organization", "state_agency": "organization", "political_party": "organization",
    "international_org": "organization", "person": "individual", "other": "unknown",
}


def relationship_type(relation: str, profile: str) -> tuple[str, list[str]]:
    """The STIX relationship type and extra labels a claim relation exports as under a profile."""
    stix_type = RELATIONSHIP_TYPES[relation]
    if profile == "opencti" and stix_type in CUSTOM_RELATIONSHIP_TYPES:
        return "related-to", [stix_type]
    return stix_type, []


def relation_of(stix_type: str, labels: list[str]) -> str | None:
    """The claimgraph relation of a STIX relationship (type, or ``related-to`` + label); None if none."""
    by_type = {v: k for k, v in RELATIONSHIP_TYPES.items()}
    if stix_type == "related-to":
        return next((by_type[label] for label in labels if label in CUSTOM_RELATIONSHIP_TYPES), None)
    return by_type.get(stix_type)


def actor_type_of(label_values: list[str], stix_type: str, identity_class: str | None) -> str:
    """The claimgraph actor type of a STIX threat actor or identity, from its labels first."""
    by_label = {v: k for k, v in ACTOR_LABELS.items()}
    for label in label_values:
        if label in by_label:
            return by_label[label]
    if stix_type in {"threat-actor", "intrusion-set"}:
        return "armed_group"
    return {"individual": "person"}.get(identity_class or "", "other")


def sectors_of(actor_type: str, sector: str | None) -> list[str]:
    """STIX industry sectors of an identity: government for states and agencies, defence for militaries."""
    if actor_type == "state_agency" and sector == "MIL":
        return ["defense"]
    if actor_type in {"state", "state_agency"}:
        return ["government-national"]
    return []

