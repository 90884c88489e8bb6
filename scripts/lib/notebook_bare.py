"""The notebook's own cells, run bare: no reporting, no chunks. scripts/bench-python compares the
bridge with this, run by the same python3, timed the same way (time.perf_counter() around the call).

    python3 scripts/lib/notebook_bare.py threads io [--repeat 7]     -> {"walls": [1.0012, ...], "cpus": [0.01, ...]}
    python3 scripts/lib/notebook_bare.py squares                    -> one cpu task bare, then chunked as the bridge does it
"""
import asyncio
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Callable


# In [1]
def doing_several_things_sequentially(n: int, action: Callable) -> []:
    res = list(map(action, range(n)))
    return res


def doing_several_things_with_threads(n: int, action: Callable) -> []:
    with ThreadPoolExecutor(max_workers=5) as executor:
        res = executor.map(action, range(n))
    return res


# In [2]
def doing_something_with_io(a: Any) -> Any:
    time.sleep(1)  # Could be an I/O of some kind, like a call to a REST API...
    return a


# In [5]
def doing_something_with_the_cpu(a):
    [i**2 for i in range(4_000_000)]
    return a


# In [8]
def doing_several_things_with_multiprocess(n: int, action: Callable) -> []:
    with ProcessPoolExecutor(max_workers=5) as executor:
        res = executor.map(action, range(n))
    return res


# In [15]
async def doing_several_things_with_asyncio(n: int, action: Callable) -> []:
    await asyncio.gather(*[action(i) for i in range(n)])


# In [16]
async def doing_something_with_io_awaitable(a: Any) -> Any:
    await asyncio.sleep(1)
    return a


async def doing_something_with_cpu_awaitable(a: Any) -> Any:
    [i**2 for i in range(4_000_000)]
    return a


def once(strategy, task):
    """The cell's wall time (perf_counter) and the CPU seconds it used, its children's included (os.times)."""
    before = os.times()
    start = time.perf_counter()
    if strategy == "sequential":
        doing_several_things_sequentially(5, doing_something_with_io if task == "io" else doing_something_with_the_cpu)
    elif strategy == "threads":
        doing_several_things_with_threads(5, doing_something_with_io if task == "io" else doing_something_with_the_cpu)
    elif strategy == "processes":
        doing_several_things_with_multiprocess(5, doing_something_with_io if task == "io" else doing_something_with_the_cpu)
    else:
        asyncio.run(doing_several_things_with_asyncio(
            5, doing_something_with_io_awaitable if task == "io" else doing_something_with_cpu_awaitable))
    wall = time.perf_counter() - start
    after = os.times()
    return wall, sum(after[i] - before[i] for i in range(4))


def squares(runs):
    """One cpu task, bare and as the bridge builds it (in chunks, reporting progress), interleaved."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "main",
                                    "resources", "concurrence", "python"))
    import bridge

    out = sys.stdout
    sys.stdout = open(os.devnull, "w")  # the bridge's progress lines, written and flushed as in a run
    bare, chunked = {"wall": [], "cpu": []}, {"wall": [], "cpu": []}
    tasks = [(bare, lambda: doing_something_with_the_cpu(0)), (chunked, lambda: bridge.squares(4_000_000, 0, "MainThread"))]
    for i in range(runs):
        for times, task in tasks if i % 2 == 0 else reversed(tasks):
            start, cpu = time.perf_counter(), time.process_time()
            task()
            times["wall"].append(time.perf_counter() - start)
            times["cpu"].append(time.process_time() - cpu)
    out.write(json.dumps({"bare": bare, "chunked": chunked}) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "squares":
        squares(int(sys.argv[2]) if len(sys.argv) > 2 else 9)
    else:
        repeat = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--repeat" else 1
        runs = [once(sys.argv[1], sys.argv[2]) for _ in range(repeat)]
        print(json.dumps({"walls": [w for w, _ in runs], "cpus": [c for _, c in runs]}))
