"""A stack-sampling thread for the window-path benchmark (SMS_COMPOSER_BENCH_PROBE=FILE): what ran during a freeze.

Every 2 ms a daemon thread reads every thread's stack (`sys._current_frames`). Two things are logged to FILE:
- the sampler itself woke late (> LATE_MS): some thread held the GIL that long; the stacks just before and just
  after name the call (the holder's frame before, and usually still the same line after);
- the GUI thread's timer has not ticked for > LATE_MS while the sampler runs: the GUI thread is busy (in Qt, or
  waiting for the GIL); every thread's stack is logged each time one changes until the next tick.
A `faulthandler` probe crashed the benchmark process; this one only reads frames from Python."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from types import FrameType

LATE_MS = 40.0
DEPTH = 10
Stack = tuple[tuple[str, int, str], ...]


def _stack(frame: FrameType | None) -> Stack:
    out = []
    while frame is not None and len(out) < DEPTH:
        code = frame.f_code
        out.append((code.co_filename.rsplit("/", 2)[-1] if "/" in code.co_filename else code.co_filename,
                    frame.f_lineno, code.co_name))
        frame = frame.f_back
    return tuple(out)


def _shown(stack: Stack) -> str:
    return " < ".join(f"{name} {path}:{line}" for path, line, name in stack)


class StallProbe:
    """Start with `start()`; call `tick()` from the GUI thread's meter and `mark(step)` at each step."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.gui = threading.get_ident()
        self.last_tick = time.perf_counter()
        self.step = ""
        self.lines: list[str] = []
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="stall-probe", daemon=True)

    def start(self) -> StallProbe:
        self._thread.start()
        return self

    def tick(self) -> None:
        self.last_tick = time.perf_counter()

    def mark(self, step: str) -> None:
        self.step = step
        self.lines.append(f"=== {step}")

    def stop(self) -> None:
        self._stop = True
        self._thread.join(1)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write("\n".join(self.lines) + "\n")

    def _threads(self) -> dict[int, str]:
        return {thread.ident: thread.name for thread in threading.enumerate() if thread.ident is not None}

    def _run(self) -> None:
        me = threading.get_ident()
        before: dict[int, Stack] = {}
        woke = time.perf_counter()
        stalled_since = 0.0
        gui_seen: list[tuple[float, dict[int, Stack]]] = []
        while not self._stop:
            time.sleep(0.002)
            now = time.perf_counter()
            late = (now - woke) * 1000
            woke = now
            frames = sys._current_frames()
            after = {ident: _stack(frame) for ident, frame in frames.items() if ident != me}
            del frames
            if late > LATE_MS:
                names = self._threads()
                self.lines.append(f"[{self.step}] sampler late {late:.0f} ms (GIL held)")
                for ident in sorted(set(before) | set(after)):
                    old, new = before.get(ident, ()), after.get(ident, ())
                    tag = "GUI" if ident == self.gui else names.get(ident, str(ident))
                    self.lines.append(f"  {tag} before: {_shown(old)}")
                    if new != old:
                        self.lines.append(f"  {tag} after:  {_shown(new)}")
            behind = (now - self.last_tick) * 1000
            if behind > LATE_MS:
                if not stalled_since:
                    stalled_since = self.last_tick
                    gui_seen = []
                if not gui_seen or gui_seen[-1][1] != after:
                    gui_seen.append((now, after))
            elif stalled_since:
                length = (self.last_tick - stalled_since) * 1000
                names = self._threads()
                self.lines.append(f"[{self.step}] GUI stall {length:.0f} ms; stacks while stalled (when they changed):")
                for at, stacks in gui_seen:
                    self.lines.append(f"  +{(at - stalled_since) * 1000:.0f} ms:")
                    for ident, stack in stacks.items():
                        tag = "GUI" if ident == self.gui else names.get(ident, str(ident))
                        self.lines.append(f"    {tag}: {_shown(stack)}")
                stalled_since = 0.0
            before = after
