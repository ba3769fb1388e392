import ast
import subprocess
import sys
from pathlib import Path

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


def test_no_module_imports_another_package_private_module() -> None:
    """Private modules (Typer's `typer._click`, say) move without notice; storyline uses public names only."""
    private = []
    for path in sorted(Path(storyline.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            private += [f"{path.name}: {name}" for name in names if any(p.startswith("_") for p in name.split("."))]
    assert [name for name in private if not name.endswith("__future__")] == []
