"""Observables: the identifiers in a report (URLs, accounts, wallets, phones...) as typed,
canonical values, so that the same thing written two ways is one value.

`normalise(type, value)` validates a value that arrived in a typed field and returns its
canonical form; it raises `InvalidObservable` with a message for the reporter otherwise.
`extract(text)` finds every observable in free text (narratives, e-mails, chats) as
`Observable`s with their span and flags.
"""

from crex.core.observables.extraction import clear_caches, extract
from crex.core.observables.normalise import InvalidObservable, Normalised, detect_wallet, normalise
from crex.core.observables.types import OBSERVABLE_TYPES, Flag, Observable, ObservableType

__all__ = [
    "OBSERVABLE_TYPES",
    "Flag",
    "InvalidObservable",
    "Normalised",
    "Observable",
    "ObservableType",
    "clear_caches",
    "detect_wallet",
    "extract",
    "normalise",
]
