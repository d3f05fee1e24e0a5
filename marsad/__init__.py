"""marsad: Arabic news articles in, sourced and checkable structured knowledge out."""

__version__ = "0.1.0"
