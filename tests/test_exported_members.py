import subprocess
import sys

import storyline


def test_exported_members_are_the_public_api() -> None:
    assert sorted(storyline.__all__) == ["Article", "Brief", "StorylineError", "brief", "load_articles"]
    from storyline.ingest import load_articles
    from storyline.pipeline import brief

    assert (storyline.brief, storyline.load_articles) == (brief, load_articles)
    assert issubclass(storyline.StorylineError, Exception)


def test_import_storyline_loads_no_heavy_library() -> None:
    heavy = ("torch", "spacy", "sklearn", "sentence_transformers", "trafilatura")
    code = f"import sys, storyline; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"
