"""The analyst's web UI and JSON API over a tollbook store (`tollbook serve`).

    from tollbook.web import create_app
    app = create_app("sqlite:///tollbook.db", read_only=False, allow_fetch=False)
"""

from tollbook.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(db: str | None, *, host: str = "127.0.0.1", port: int = 8080, read_only: bool = False,
          allow_fetch: bool = False) -> None:
    """Run the app under uvicorn until interrupted (one process; SQLite's writer lock is enough)."""
    import uvicorn

    app = create_app(db, read_only=read_only, allow_fetch=allow_fetch)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
