"""The public API is exactly what ``kronika.__all__`` says."""

import kronika


def test_public_api_all_is_exact() -> None:
    public = {name for name in dir(kronika) if not name.startswith("_")}
    lazy = set(kronika._LAZY)
    plumbing = {"errors", "settings", "model", "registry", "annotations", "TYPE_CHECKING", "Any"}
    assert set(kronika.__all__) == (public | lazy | {"__version__"}) - plumbing


def test_public_api_every_name_resolves() -> None:
    for name in kronika.__all__:
        assert getattr(kronika, name) is not None, name
