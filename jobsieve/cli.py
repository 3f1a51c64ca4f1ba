"""The `jobsieve` command: crawl, score, serve, and tell where things are."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from jobsieve.config import Settings, get_settings

if TYPE_CHECKING:
    from jobsieve.store import Store


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = get_settings()
    if getattr(args, "offline", False):
        settings = settings.model_copy(update={"offline": True})
    return int(args.command(args, settings) or 0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobsieve", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    crawl = commands.add_parser("crawl", help="crawl job sources into the store")
    crawl.add_argument("spiders", nargs="*", metavar="SPIDER", help="spiders to run (default: all)")
    crawl.add_argument("--offline", action="store_true", help="replay recorded responses; no network")
    crawl.add_argument("-v", "--verbose", action="store_true", help="log Scrapy's progress and stats")
    crawl.set_defaults(command=_crawl)

    score = commands.add_parser("score", help="add a risk assessment to each listing of a JSON Lines file")
    score.add_argument("input", nargs="?", default="-", help="JSON Lines input ('-' or none: standard input)")
    score.add_argument("-o", "--output", default="-", help="JSON Lines output (default: standard output)")
    score.add_argument("--offline", action="store_true", help="make no network call (WHOIS says unknown)")
    score.set_defaults(command=_score)

    serve = commands.add_parser("serve", help="serve the site")
    serve.add_argument("--host", help="address to listen on (default: JOBSIEVE_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default: JOBSIEVE_PORT or 8000)")
    serve.set_defaults(command=_serve)

    info = commands.add_parser("info", help="show where jobsieve keeps its data, and what it holds")
    info.set_defaults(command=_info)

    migrate = commands.add_parser("migrate", help="bring the store's schema up to date")
    migrate.set_defaults(command=_migrate)
    return parser


def _crawl(args: argparse.Namespace, settings: Settings) -> int:
    from crawler.run import crawl

    return crawl(args.spiders, offline=settings.offline, log_level="INFO" if args.verbose else "WARNING")


def _score(args: argparse.Namespace, settings: Settings) -> int:
    from classifier import load_scorer
    from jobsieve.scoring import score_lines

    try:
        with ExitStack() as stack:
            source = (
                sys.stdin.buffer if args.input == "-" else stack.enter_context(Path(args.input).open("rb"))
            )
            target = (
                sys.stdout
                if args.output == "-"
                else stack.enter_context(Path(args.output).open("w", encoding="utf-8"))
            )
            bad_lines = score_lines(source, target, load_scorer(offline=settings.offline))
    except OSError as error:
        print(f"jobsieve score: {error.strerror}: {error.filename}", file=sys.stderr)
        return 2
    for bad in bad_lines:
        print(f"jobsieve score: line {bad.number} skipped: {bad.reason}", file=sys.stderr)
    return 1 if bad_lines else 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from jobsieve.store import Store
    from web.app import create_app

    address = {"host": args.host or settings.host, "port": args.port or settings.port}
    settings = settings.model_copy(update=address)
    store = Store.open(settings.sqlalchemy_url)
    print(
        f"jobsieve: serving {store.count_listings()} listings from {_shown(store)} "
        f"on http://{settings.host}:{settings.port}  (Ctrl+C stops it)",
        flush=True,
    )
    try:
        uvicorn.run(create_app(settings, store), host=settings.host, port=settings.port, log_level="warning")
    finally:
        store.close()
    return 0


def _info(args: argparse.Namespace, settings: Settings) -> int:
    from jobsieve.store import Store

    store = Store.open(settings.sqlalchemy_url)
    print(f"data directory: {settings.data_dir}")
    print(f"database:       {_shown(store)}")
    print(f"listings:       {store.count_listings()}")
    store.close()
    return 0


def _migrate(args: argparse.Namespace, settings: Settings) -> int:
    from jobsieve.store import Store

    Store.open(settings.sqlalchemy_url).close()
    print("jobsieve: the store's schema is up to date")
    return 0


def _shown(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=True)


if __name__ == "__main__":
    sys.exit(main())
