"""Offline mode: answer requests from recorded responses instead of the network."""

from __future__ import annotations

from pathlib import Path

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.responsetypes import responsetypes

BUNDLED_RECORDINGS = Path(__file__).resolve().parent / "recordings"
RECORDING_META_KEY = "recording"
_CONTENT_TYPES = {".json": b"application/json", ".xml": b"application/xml", ".html": b"text/html"}


def recordings_of(source: str, root: Path = BUNDLED_RECORDINGS) -> list[Path]:
    """The recorded responses of a source in `root`, by name."""
    folder = root / source
    return (
        sorted(path for path in folder.glob("*") if path.suffix in _CONTENT_TYPES) if folder.is_dir() else []
    )


class ReplayMiddleware:
    """Serves a request marked with a recording from that file, and anything else as 404 (not recorded).

    Enabled by the `JOBSIEVE_OFFLINE` setting; nothing then reaches the network, robots.txt included.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        if not crawler.settings.getbool("JOBSIEVE_OFFLINE"):
            raise NotConfigured("online: requests go to the network")
        return cls(crawler)

    def process_request(self, request: Request) -> Response:
        recording = request.meta.get(RECORDING_META_KEY)
        stats = self.crawler.stats
        assert stats is not None
        if recording is None:
            stats.inc_value("jobsieve/replay/not_recorded")
            return Response(request.url, status=404, request=request)
        path = Path(recording)
        body = path.read_bytes()
        headers = {b"Content-Type": _CONTENT_TYPES.get(path.suffix, b"application/octet-stream")}
        response_class = responsetypes.from_args(headers=headers, url=request.url, body=body)
        stats.inc_value("jobsieve/replay/served")
        return response_class(request.url, status=200, headers=headers, body=body, request=request)
