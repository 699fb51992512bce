"""Screening: repeated numbers and the 退订名单 are applied in one named step, and only there."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from gui.domain.plan import plan_campaign
from gui.domain.recipients import DuplicateRow, ImportResult, Recipient
from gui.domain.screening import Screened, screen_import, screen_numbers, screen_recipients
from tests.services.sending.conftest import marketing

GUI = Path(__file__).resolve().parents[2] / "gui"
SCREENING = GUI / "domain" / "screening.py"


def _person(row: int, number: str) -> Recipient:
    return Recipient(row=row, number=number)


def test_first_occurrence_kept_repeats_are_duplicates_and_suppressed_numbers_held_back():
    people = [_person(2, "+8613800000001"), _person(3, "+8613800000002"), _person(4, "+8613800000001"),
              _person(5, "+8613800000003"), _person(6, "+8613800000002")]
    screened = screen_recipients(people, suppressed={"+8613800000002"})
    assert [p.row for p in screened.recipients] == [2, 5]
    assert screened.duplicates == (DuplicateRow(4, 2, "+8613800000001"), DuplicateRow(6, 3, "+8613800000002"))
    assert [p.row for p in screened.suppressed] == [3]  # its repeat on row 6 stays a duplicate


def test_national_digits_are_compared_with_the_prefix_and_blank_rows_never_kept():
    screen = screen_numbers(["13800000001", None, "13800000002", "13800000001"], {"+8613800000002"}, prefix="+86")
    assert list(screen.keep) == [1, 0, 0, 0] and screen.duplicates == ((3, 0),) and screen.held == (2,)
    clean = screen_numbers(["13800000001", "13800000002"], frozenset(), prefix="+86", valid=2)
    assert clean.keep == range(2) and clean.duplicates == () and clean.held == ()


def test_a_number_suppressed_after_the_import_is_held_back_at_plan_time():
    people = (_person(2, "+8613800000001"), _person(3, "+8613800000002"))
    imported = ImportResult(file="", sheet=None, sheets=(), header_row=1, phone_column="手机号", columns=("手机号",),
                            recipients=people, invalid=(), duplicates=(), suppressed=(_person(4, "+8613800000009"),),
                            blank_rows=0, rows_read=3, confident=True)
    screened = screen_import(imported, suppressed={"+8613800000002"})
    assert [p.row for p in screened.recipients] == [2]
    assert [p.row for p in screened.suppressed] == [3, 4]  # newly suppressed first, then the import's
    plan = plan_campaign(marketing(), screened)
    assert [b.numbers for b in plan.batches] == [("+8613800000001",)]
    assert [p.number for p in plan.suppressed] == ["+8613800000002", "+8613800000009"]


def test_the_plan_takes_a_screened_list_as_it_is():
    people = (_person(2, "+8613800000001"), _person(3, "+8613800000001"))
    plan = plan_campaign(marketing(), Screened(people[:1], (DuplicateRow(3, 2, "+8613800000001"),)))
    assert plan.recipients == 1 and plan.duplicates == 1
    assert plan_campaign(marketing(), people) == plan  # an unscreened list goes through the same step


def _modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in GUI.rglob("*.py")}


def test_the_duplicate_rule_lives_only_in_the_screening_step():
    """`first_occurrences` (which number repeats which) is called by screening alone; no other module keeps a
    `seen` set of numbers."""
    for path, tree in _modules().items():
        if path == SCREENING:
            continue
        called = {node.func.id for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
        assert "first_occurrences" not in called, path
        text = path.read_text(encoding="utf-8")
        assert ".number in seen" not in text and "number in seen" not in text, path


def test_the_suppression_rule_lives_only_in_the_screening_step():
    """Outside screening.py no code tests a number against the suppression list (`x in suppressed`), and the
    plan does not take the list at all."""
    for path, tree in _modules().items():
        if path == SCREENING:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
                right = ast.unparse(node.comparators[0])
                assert "suppress" not in right, f"{path}:{node.lineno}: {ast.unparse(node)}"
    plan_args = next(node for node in ast.walk(ast.parse((GUI / "domain" / "plan.py").read_text(encoding="utf-8")))
                     if isinstance(node, ast.FunctionDef) and node.name == "plan_campaign").args
    assert "suppressed" not in {arg.arg for arg in (*plan_args.args, *plan_args.kwonlyargs)}


def test_every_step_on_the_way_to_a_send_calls_the_screening_step():
    """The import screens what it read; the engine screens the import again at plan time."""
    calls: dict[str, set[str]] = {}
    for path, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.startswith("screen_"):
                calls.setdefault(node.func.id, set()).add(str(path.relative_to(GUI)))
    assert "services/recipients/importer.py" in calls["screen_numbers"]
    assert "services/sending/engine.py" in calls["screen_import"]


@pytest.mark.parametrize("seen_limit", [None, 1, 300])
def test_repeated_numbers_agree_with_counting_on_random_lists(monkeypatch, seen_limit: int | None) -> None:
    """`seen_limit`: the numbers seen so far fill several sets of that size (a million rows fill a few)."""
    import random
    from collections import Counter

    from gui.domain import screening
    from gui.domain.screening import DEDUPE_BLOCK, _repeated_numbers

    if seen_limit is not None:
        monkeypatch.setattr(screening, "SEEN_LIMIT", seen_limit)
    chooser = random.Random(20261129)
    for size in (0, 1, DEDUPE_BLOCK - 1, DEDUPE_BLOCK, DEDUPE_BLOCK + 1, 5 * DEDUPE_BLOCK + 7):
        for pool in (3, size // 2 + 1, 10 * size + 1):  # many repeats, some, nearly none
            for _ in range(5):
                numbers = [None if chooser.random() < 0.1 else str(13800000000 + chooser.randrange(pool))
                           for _ in range(size)]
                counts = Counter(number for number in numbers if number is not None)
                assert _repeated_numbers(numbers) == {number for number, count in counts.items() if count > 1}
