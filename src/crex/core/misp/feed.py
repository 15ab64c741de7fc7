"""MISP feeds: reading a feed's manifest and events, and writing crex events as a feed.

A MISP feed is a directory (usually served over HTTP) with ``manifest.json`` — one entry
per event uuid with its info, date, timestamp, creator, tags, analysis and threat level
— one ``<uuid>.json`` per event in the ``{"Event": {...}}`` form, and ``hashes.csv``
(the MD5 of every attribute value and the uuid of its event). A reader fetches the
manifest, then only the events changed since it last looked (`events_newer_than`).

Nothing here fetches: the Django layer downloads; this module reads a directory or a
mapping of file names to the bytes already fetched (`read_feed`), and writes the files of
a feed as data (`feed_json`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pymisp import MISPEvent, PyMISPError

from crex.core.handling import Distribution
from crex.core.misp.errors import MispError
from crex.core.misp.export import event_json
from crex.core.misp.parse import ParsedEvent, load_document, parse_event

MANIFEST = "manifest.json"
HASHES = "hashes.csv"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One event as a feed's manifest lists it."""

    uuid: str
    info: str
    date: date | None
    timestamp: int
    org_name: str = ""
    org_uuid: str = ""
    tags: tuple[str, ...] = ()
    analysis: int | None = None
    threat_level_id: int | None = None

    @property
    def file_name(self) -> str:
        """The name of the event's file in the feed."""
        return event_file_name(self.uuid)


@dataclass(frozen=True, slots=True)
class FeedFailure:
    """An event of the feed that could not be read."""

    uuid: str
    message: str
    path: str = ""


@dataclass(frozen=True)
class FeedRead:
    """What was read from a feed: its manifest, the events read, and those that failed.

    ``missing`` lists events newer than asked for whose file was not given.
    """

    entries: tuple[FeedEntry, ...]
    events: tuple[ParsedEvent, ...] = ()
    failures: tuple[FeedFailure, ...] = ()
    missing: tuple[str, ...] = field(default_factory=tuple)


def event_file_name(event_uuid: str) -> str:
    """The file of an event in a feed: ``<uuid>.json``."""
    return f"{event_uuid}.json"


def _int(value: object, path: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise MispError(f"The {what} is not a number.", path)
    text = str(value).strip()
    if not text.isdigit():
        raise MispError(f"The {what} is not a number.", path)
    return int(text)


def _optional_int(value: object, path: str, what: str) -> int | None:
    return None if value in (None, "") else _int(value, path, what)


def _date(value: object, path: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise MispError("The date is not YYYY-MM-DD.", path) from None


def _entry(event_uuid: str, raw: object) -> FeedEntry:
    path = event_uuid
    if not isinstance(raw, dict):
        raise MispError("A manifest entry is an object.", path)
    info = raw.get("info")
    if not isinstance(info, str):
        raise MispError("The entry has no info.", f"{path}.info")
    org = raw.get("Orgc")
    if not isinstance(org, dict):
        org = {}
    tags = raw.get("Tag") or []
    if not isinstance(tags, list):
        raise MispError("Tag is not a list.", f"{path}.Tag")
    return FeedEntry(
        uuid=event_uuid,
        info=info,
        date=_date(raw.get("date"), f"{path}.date"),
        timestamp=_int(raw.get("timestamp"), f"{path}.timestamp", "timestamp"),
        org_name=str(org.get("name") or ""),
        org_uuid=str(org.get("uuid") or ""),
        tags=tuple(str(t["name"]) for t in tags if isinstance(t, dict) and t.get("name")),
        analysis=_optional_int(raw.get("analysis"), f"{path}.analysis", "analysis"),
        threat_level_id=_optional_int(
            raw.get("threat_level_id"), f"{path}.threat_level_id", "threat level"
        ),
    )


def parse_manifest(data: bytes | str | Mapping[str, Any]) -> tuple[FeedEntry, ...]:
    """The entries of a feed's ``manifest.json``, oldest first; `MispError` if malformed."""
    document = load_document(data)
    if not isinstance(document, dict):
        raise MispError("A feed manifest maps event uuids to entries.")
    entries = []
    for key, raw in document.items():
        try:
            event_uuid = str(uuid.UUID(key))
        except ValueError:
            raise MispError("A manifest key is not an event uuid.", str(key)[:80]) from None
        entries.append(_entry(event_uuid, raw))
    return tuple(sorted(entries, key=lambda e: (e.timestamp, e.uuid)))


def events_newer_than(
    manifest: Iterable[FeedEntry] | bytes | str | Mapping[str, Any], since_timestamp: int
) -> tuple[str, ...]:
    """The uuids of the events changed after ``since_timestamp`` (UNIX time), oldest first.

    These are the ``<uuid>.json`` files to fetch; 0 fetches everything.
    """
    if isinstance(manifest, bytes | str | Mapping):
        manifest = parse_manifest(manifest)
    entries = sorted(manifest, key=lambda e: (e.timestamp, e.uuid))
    return tuple(entry.uuid for entry in entries if entry.timestamp > since_timestamp)


def _directory_files(directory: Path, wanted: Iterable[str]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name in wanted:
        try:
            files[name] = (directory / name).read_bytes()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise MispError(f"The feed file cannot be read: {error}", name) from None
    return files


def read_feed(
    source: Path | Mapping[str, bytes],
    *,
    since_timestamp: int = 0,
    card_secret: bytes = b"",
    default_distribution: Distribution = Distribution.ORGANISATION,
) -> FeedRead:
    """Read a feed from a directory, or from a mapping of file names to fetched bytes.

    Only the events newer than ``since_timestamp`` are read. An event that cannot be
    read, or whose uuid is not the one the manifest lists, is a failure; the others are
    still read. A missing or malformed manifest raises `MispError`.
    """
    if isinstance(source, Path):
        manifest_files = _directory_files(source, [MANIFEST])
    else:
        manifest_files = dict(source)
    if MANIFEST not in manifest_files:
        raise MispError("The feed has no manifest.json.", MANIFEST)
    try:
        entries = parse_manifest(manifest_files[MANIFEST])
    except MispError as error:
        raise MispError(error.message, f"{MANIFEST}:{error.path}".rstrip(":")) from None
    newer = events_newer_than(entries, since_timestamp)
    wanted = [event_file_name(u) for u in newer]
    files = _directory_files(source, wanted) if isinstance(source, Path) else dict(source)

    events: list[ParsedEvent] = []
    failures: list[FeedFailure] = []
    missing: list[str] = []
    for event_uuid in newer:
        name = event_file_name(event_uuid)
        if name not in files:
            missing.append(event_uuid)
            continue
        try:
            parsed = parse_event(
                files[name], card_secret=card_secret, default_distribution=default_distribution
            )
        except MispError as error:
            failures.append(FeedFailure(event_uuid, error.message, error.path))
            continue
        if parsed.uuid != event_uuid:
            failures.append(
                FeedFailure(event_uuid, f"The file holds event {parsed.uuid} instead.", name)
            )
            continue
        events.append(parsed)
    return FeedRead(entries, tuple(events), tuple(failures), tuple(missing))


def feed_json(events: Iterable[MISPEvent]) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The files of a MISP feed of ``events``: manifest, ``{uuid: event JSON}``, hashes.csv.

    Write them as ``manifest.json``, ``<uuid>.json`` and ``hashes.csv``; MISP reads
    such a directory as a feed of format "MISP".
    """
    manifest: dict[str, Any] = {}
    bodies: dict[str, Any] = {}
    lines: list[str] = []
    for event in events:
        try:
            manifest.update(event.manifest)
            lines.extend(f"{value},{event.uuid}\n" for value in event.attributes_hashes("md5"))
        except PyMISPError as error:
            raise ValueError(f"Event {event.uuid} cannot go in a feed: {error}") from None
        bodies[event.uuid] = event_json(event)
    return manifest, bodies, "".join(lines)
