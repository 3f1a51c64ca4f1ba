"""One spider per job source; each replays its recordings in `crawler/recordings/<name>/` offline."""
