"""Child processes that die with juesuan, and a pool that gives each file a time limit.

A parse worker or a dbt child left running after `kill -9` of juesuan keeps writing reports, or
holds DuckDB's lock on the warehouse being built so that the next build fails. On Linux the
kernel kills such a child when its parent dies (PR_SET_PDEATHSIG); elsewhere a worker checks that
its parent is still there before each file.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import re
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


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (ours or another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and is not ours to signal
        return True
    return True


@dataclass(frozen=True)
class TimedOut:
    """A task that ran past its time limit; its worker was killed."""

    seconds: float


@dataclass(frozen=True)
class WorkerDied:
    """A task whose worker ended without an answer (a crash in native code, the OOM killer)."""

    exitcode: int | None


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(i?)B?\s*$", re.I)


def size_in_bytes(size: str | None) -> int | None:
    """A size as DuckDB writes one (`500MB`, `4GB`, `1GiB`: KB = 1000, KiB = 1024) in bytes; None
    where it is not one."""
    m = _SIZE.match(size or "")
    if not m:
        return None
    base = 1024 if m.group(3) else 1000
    return int(float(m.group(1)) * base ** " KMGT".index(m.group(2).upper() or " "))


def _address_space() -> int:
    """This process's address space in bytes now (Linux), else 0."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return 0


def limit_memory(size: int | None) -> None:
    """Let this process's address space grow by at most `size` bytes: past it an allocation fails
    (Python's MemoryError) instead of the machine's memory filling. The time limit alone does not
    bound a small file that expands (a zip bomb, a span over a million cells) within seconds. The
    limit counts from what the process holds when it starts (a worker forked from a process with
    DuckDB's reserved arenas starts with gigabytes of address space it never touches)."""
    if not size:
        return
    try:
        import resource

        limit = _address_space() + size
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ImportError, ValueError, OSError):  # not POSIX, or a hard limit already lower
        pass


def _worker_loop(conn, func, args, parent_pid: int, memory_limit: int | None = None) -> None:
    die_with_parent(parent_pid)
    limit_memory(memory_limit)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # A worker answers through its pipe alone: what a library prints on its way down (a
    # MemoryError's "Exception ignored" notices, a traceback as it dies) is not for the user,
    # whose terminal it would otherwise reach.
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None or os.getppid() != parent_pid:
            return
        try:
            conn.send(func(item, *args))
        except MemoryError:  # the answer itself could not be made: the parent sees WorkerDied
            os._exit(70)


class _Worker:
    def __init__(self, ctx, func, args, memory_limit: int | None = None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_loop, args=(child, func, args, os.getpid(), memory_limit),
                                   daemon=True)
        # Everything the child inherits is frozen out of its garbage collector: a parent's
        # unreachable DuckDB or Arrow object, finalized in a forked child that lacks its threads,
        # crashed the worker (SIGSEGV in its first collection, after a test suite's queries).
        # Python's documented way: freeze right before fork, unfreeze in the parent after.
        gc.freeze()
        try:
            self.process.start()
        finally:
            gc.unfreeze()
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
                        time_limit: float | None = None, on_done: Callable | None = None,
                        memory_limit: int | None = None) -> list:
    """[func(item, *args) for item in items] on `workers` processes, in order. A task past
    `time_limit` seconds gives TimedOut (its worker is killed and replaced), a task whose worker
    died gives WorkerDied: one item never stops the others. Each worker's address space is capped
    at `memory_limit` bytes. `func` must catch its own errors (MemoryError included).
    `on_done(index, result)` is called as each item finishes (for progress)."""
    if not items:
        return []
    ctx = multiprocessing.get_context("fork")
    results: list = [None] * len(items)
    pending = list(range(len(items)))
    pending.reverse()  # pop() from the end takes items in order
    pool = [_Worker(ctx, func, args, memory_limit) for _ in range(max(1, min(workers, len(items))))]
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
                    pool[pool.index(w)] = w = _Worker(ctx, func, args, memory_limit)
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

