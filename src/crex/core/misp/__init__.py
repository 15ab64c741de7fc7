"""MISP events and feeds for crex: export reports and cases, import events, read feeds.

Pure: PyMISP's object model and crex.core only, no network. The Django layer fetches
feeds and events, and stores what `parse_event` and `read_feed` give.

- `report_to_event`, `case_to_event` → a PyMISP ``MISPEvent``; `event_json` its feed form;
- `parse_event` → a `ParsedEvent` (a `SharedReport`, its source, distribution, skipped);
- `parse_manifest`, `events_newer_than`, `read_feed`, `feed_json` for MISP feeds;
- `to_misp`, `from_misp` map one observable each way.
"""

from crex.core.misp.errors import MispError, Skipped
from crex.core.misp.export import case_to_event, event_json, event_uuid, report_to_event
from crex.core.misp.feed import (
    FeedEntry,
    FeedFailure,
    FeedRead,
    event_file_name,
    events_newer_than,
    feed_json,
    parse_manifest,
    read_feed,
)
from crex.core.misp.mapping import Imported, MispValue, NotImported, from_misp, to_misp
from crex.core.misp.parse import ParsedEvent, parse_event

__all__ = [
    "FeedEntry",
    "FeedFailure",
    "FeedRead",
    "Imported",
    "MispError",
    "MispValue",
    "NotImported",
    "ParsedEvent",
    "Skipped",
    "case_to_event",
    "event_file_name",
    "event_json",
    "event_uuid",
    "events_newer_than",
    "feed_json",
    "from_misp",
    "parse_event",
    "parse_manifest",
    "read_feed",
    "report_to_event",
    "to_misp",
]
