"""legalsec-desktop: an offline desktop program for a legal secretary."""

__version__ = "0.1.0"
APP_NAME = "legalsec-desktop"
APP_TITLE = "Legal Secretary"
