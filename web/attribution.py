"""How each source is credited on our pages: its name, and whether its terms want a followed link back."""

from __future__ import annotations

from dataclasses import dataclass

from jobsieve.listing import Listing


@dataclass(frozen=True, slots=True)
class Credit:
    """The attribution of one listing to the board it came from."""

    name: str
    followed: bool
    apply_at_source: bool = False

    @property
    def text(self) -> str:
        return f"via {self.name}"

    @property
    def rel(self) -> str:
        """The link's `rel`: sources whose terms ask for a link back get it without `nofollow`."""
        return "noopener noreferrer" if self.followed else "noopener noreferrer nofollow"


# The terms of each source are in docs/sources.md; sources not listed get a nofollow link.
CREDITS: dict[str, Credit] = {
    "remoteok": Credit("Remote OK", followed=True),
    "remotive": Credit("Remotive", followed=True),
    "arbeitnow": Credit("Arbeitnow", followed=True),
    "jobicy": Credit("Jobicy", followed=True, apply_at_source=True),
    "himalayas": Credit("Himalayas", followed=True),
    "workingnomads": Credit("Working Nomads", followed=True),
}


def credit_for(listing: Listing) -> Credit:
    """The credit of `listing`: the crawler's attribution text when set, our table's terms otherwise."""
    known = CREDITS.get(listing.source)
    name = listing.attribution or (known.name if known else listing.source)
    if known is None:
        return Credit(name, followed=False)
    return Credit(name, followed=known.followed, apply_at_source=known.apply_at_source)


def apply_link(listing: Listing) -> str | None:
    """Where the apply button goes: the listing's page when the source's terms require it."""
    return listing.url if credit_for(listing).apply_at_source else listing.apply_url
