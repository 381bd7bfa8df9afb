"""Child processes that die with juesuan, and a pool that gives each file a time limit.

A parse worker or a dbt child left running after `kill -9` of juesuan keeps writing reports, or
holds DuckDB's lock on the warehouse being built so that the next build fails. On Linux the
kernel kills such a child when its parent dies (PR_SET_PDEATHSIG); elsewhere a worker checks that
its parent is still there before each file.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Callable, Sequence

_PR_SET_PDEATHSIG = 1
_MISSING = object()  # no answer from a worker yet


def die_with_parent(parent_pid: int | None = None) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux); exit at once if the
    parent is already gone (it may have died before the request was made)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker loop checks its parent instead
        pass
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


@dataclass(frozen=True)
class TimedOut:
    """A task that ran past its time limit; its worker was killed."""

    seconds: float


@dataclass(frozen=True)
class WorkerDied:
    """A task whose worker ended without an answer (a crash in native code, the OOM killer)."""

    exitcode: int | None


def _worker_loop(conn, func, args, parent_pid: int) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None or os.getppid() != parent_pid:
            return
        conn.send(func(item, *args))


class _Worker:
    def __init__(self, ctx, func, args):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_loop, args=(child, func, args, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0

    def give(self, index: int, item) -> None:
        self.task, self.started = index, time.monotonic()
        self.conn.send(item)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def map_with_time_limit(func: Callable, items: Sequence, args: tuple = (), workers: int = 1,
                        time_limit: float | None = None, on_done: Callable | None = None) -> list:
    """[func(item, *args) for item in items] on `workers` processes, in order. A task past
    `time_limit` seconds gives TimedOut (its worker is killed and replaced), a task whose worker
    died gives WorkerDied: one item never stops the others. `func` must catch its own errors.
    `on_done(index, result)` is called as each item finishes (for progress)."""
    if not items:
        return []
    ctx = multiprocessing.get_context("fork")
    results: list = [None] * len(items)
    pending = list(range(len(items)))
    pending.reverse()  # pop() from the end takes items in order
    pool = [_Worker(ctx, func, args) for _ in range(max(1, min(workers, len(items))))]
    try:
        for w in pool:
            if pending:
                i = pending.pop()
                w.give(i, items[i])
        while any(w.task is not None for w in pool):
            busy = [w for w in pool if w.task is not None]
            timeout = None
            if time_limit is not None:
                timeout = max(0.0, min(w.started + time_limit for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            now = time.monotonic()
            for w in busy:
                answer = _MISSING
                if w.conn in ready or w.conn.poll():
                    try:
                        answer = w.conn.recv()
                    except (EOFError, OSError):
                        answer = WorkerDied(w.process.exitcode)
                elif w.process.sentinel in ready:
                    w.process.join()
                    answer = WorkerDied(w.process.exitcode)
                elif time_limit is not None and now - w.started >= time_limit:
                    answer = TimedOut(time_limit)
                if answer is _MISSING:
                    continue
                results[w.task] = answer
                if on_done is not None:
                    on_done(w.task, answer)
                w.task = None
                if isinstance(answer, (TimedOut, WorkerDied)):
                    w.kill()
                    pool[pool.index(w)] = w = _Worker(ctx, func, args)
                if pending:
                    i = pending.pop()
                    w.give(i, items[i])
    finally:
        for w in pool:
            if w.task is None:  # idle: asked to stop; busy (an error or Ctrl-C in the parent): killed
                with contextlib.suppress(OSError):
                    w.conn.send(None)
                w.process.join(timeout=5)
            w.kill()
    return results

