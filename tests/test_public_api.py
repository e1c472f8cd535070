"""The public API is exactly what ``kronika.__all__`` says."""

import types

import kronika


def test_public_api_all_is_exact() -> None:
    public = {
        name
        for name in dir(kronika)
        if not name.startswith("_") and not isinstance(getattr(kronika, name), types.ModuleType)
    }
    lazy = set(kronika._LAZY)
    plumbing = {"annotations", "TYPE_CHECKING", "Any"}
    assert set(kronika.__all__) == (public | lazy | {"__version__"}) - plumbing


def test_public_api_every_name_resolves() -> None:
    for name in kronika.__all__:
        assert getattr(kronika, name) is not None, name


def test_public_api_library_example_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import kronika.store.store  # noqa: F401  (subpackages loaded first must not shadow the API)

    settings = kronika.load_settings(db=str(tmp_path / "k.db"))
    with kronika.open_store(settings.db) as store:
        assert callable(kronika.ingest_paths)
        assert store.events() == []
