"""concurrence's bridge: runs the notebook's own constructs on this CPython and reports as it goes.

concurrence writes this file into a private directory and runs, for one experiment:

    python3 -I -B bridge.py run --strategy threads --task cpu --tasks 5 --workers 5 --scale 1

or, to measure one cpu task on this interpreter (the ideal's t1):

    python3 -I -B bridge.py calibrate --scale 1 --repeat 3

It prints one JSON object a line on its standard output, each with an "ev" key:

    hello        the interpreter: version, start method, free-threaded build, GIL on now
    gate         the clock starts (times "t" below are seconds since this line)
    worker       a worker exists: thread name, pid, coroutine name
    start / progress / end    a task, on its worker ("w")
    tick         still alive (once a second, whatever the tasks do)
    result       wall time measured around the construct, like %time; os.times() deltas;
                 peak resident memory of this process and of each process worker
    calibration  one cpu task's CPU time (and wall time), each time it was run
    error        an exception (its traceback is on the standard error)

The task functions are the notebook's, with a report at their start and end. The cpu task is
the notebook's list of four million squares; it is built in chunks only so that it can report
its progress (at most 50 times a second), and every chunk is kept until the task ends, so that
the memory it touches, and the kernel time that costs, stay those of the one big list.

It works with CPython 3.8 and later and with every start method (fork, forkserver, spawn): the
task functions live at the top level of this module, and the work starts under the __main__
guard, so that a spawned worker can import them. It never outlives concurrence: it exits when
its standard input closes, and each process worker exits when its parent is gone.
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import sys
import sysconfig
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

try:
    import resource
except ImportError:  # not on Windows
    resource = None

PROTOCOL = 1
NOTEBOOK_SQUARES = 4_000_000
CHUNKS = 100
PROGRESS_EVERY = 0.02  # seconds: at most 50 progress lines a second per worker

# Set once per process: by main() in the bridge, by _init_process_worker() in a process worker.
SCALE = 1.0
_queue = None  # in a process worker: where its reports go (the parent prints them)
_gate = 0.0  # in the bridge: time.perf_counter() at the gate
_out_lock = threading.Lock()
_process_workers = {}  # in the bridge: the last report of each process worker, by id


# ---------------------------------------------------------------------------------------------
# Reporting


def _write(obj):
    line = json.dumps(obj, separators=(",", ":")) + "\n"
    with _out_lock:
        sys.stdout.write(line)
        sys.stdout.flush()


def _report(ev, worker, at, **fields):
    """Sends one report: printed at once in the bridge, queued to the parent in a process worker."""
    if _queue is not None:
        _queue.put((ev, worker, at, fields))
    else:
        _print_report(ev, worker, at, fields)


def _print_report(ev, worker, at, fields):
    obj = {"ev": ev, "w": worker, "t": round(at - _gate, 6)}
    obj.update(fields)
    _write(obj)


def _usage():
    """This process's CPU seconds (user, system) and peak resident memory in bytes (0 if unknown)."""
    t = os.times()
    return [t.user, t.system], _memory("VmHWM:")


def _memory(key):
    """Resident memory in bytes: "VmRSS:" now, "VmHWM:" at its peak. Read from /proc, which counts
    this program alone: getrusage's ru_maxrss keeps, across exec, the peak of the process that
    started us (a JVM of 250 MB). Elsewhere, ru_maxrss is all there is."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    if resource is None:
        return 0
    per_unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * per_unit


def _worker_id():
    if _queue is not None:
        return "pid:%d" % os.getpid()
    return threading.current_thread().name


def _task_started(task):
    _report("start", _worker_id(), time.perf_counter(), task=task)


def _task_finished(task):
    worker = _worker_id()
    if _queue is not None:
        cpu, rss = _usage()
        _report("end", worker, time.perf_counter(), task=task, cpu=cpu, rss=rss)
    else:
        _report("end", worker, time.perf_counter(), task=task)


def _worker_started(name, coroutine=None):
    _report("worker", _worker_id() if coroutine is None else coroutine, time.perf_counter(),
            thread=name, pid=os.getpid(), coroutine=coroutine)


# ---------------------------------------------------------------------------------------------
# The notebook's tasks


def squares(n, task, worker):
    """The notebook's [i**2 for i in range(n)], built in chunks so that it can report progress."""
    step = max(1, n // CHUNKS)
    chunks = []  # kept to the end: the same memory as the notebook's one list
    last = time.perf_counter()
    for low in range(0, n, step):
        chunks.append([i**2 for i in range(low, min(n, low + step))])
        if task is not None:
            now = time.perf_counter()
            if now - last >= PROGRESS_EVERY:
                last = now
                _report("progress", worker, now, task=task, fraction=round(min(n, low + step) / n, 4))
    return chunks


def doing_something_with_io(a):
    _task_started(a)
    time.sleep(SCALE)  # the notebook's time.sleep(1), scaled
    _task_finished(a)
    return a


def doing_something_with_the_cpu(a):
    _task_started(a)
    squares(int(NOTEBOOK_SQUARES * SCALE), a, _worker_id())
    _task_finished(a)
    return a


async def doing_something_with_io_awaitable(a):
    name = _coroutine_started()
    _report("start", name, time.perf_counter(), task=a)
    await asyncio.sleep(SCALE)
    _report("end", name, time.perf_counter(), task=a)
    return a


async def doing_something_with_cpu_awaitable(a):
    name = _coroutine_started()
    _report("start", name, time.perf_counter(), task=a)
    squares(int(NOTEBOOK_SQUARES * SCALE), a, name)
    _report("end", name, time.perf_counter(), task=a)
    return a


def _coroutine_started():
    task = asyncio.current_task()
    name = task.get_name() if task is not None else "coroutine"
    _worker_started(threading.current_thread().name, coroutine=name)
    return name


# ---------------------------------------------------------------------------------------------
# The notebook's constructs


def doing_several_things_sequentially(n, action):
    res = list(map(action, range(n)))
    return res


def doing_several_things_with_threads(n, action, workers):
    with ThreadPoolExecutor(max_workers=workers, initializer=_init_thread_worker) as executor:
        res = executor.map(action, range(n))
    return res


def doing_several_things_with_multiprocess(n, action, workers, context, queue):
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_process_worker,
                             initargs=(queue, SCALE)) as executor:
        res = executor.map(action, range(n))
    return res


async def doing_several_things_with_asyncio(n, action):
    await asyncio.gather(*[action(i) for i in range(n)])


def _init_thread_worker():
    _worker_started(threading.current_thread().name)


def _init_process_worker(queue, scale):
    global _queue, SCALE
    _queue, SCALE = queue, scale
    _watch_parent(os.getppid())
    _worker_started(multiprocessing.current_process().name)


def _watch_parent(parent):
    """A process worker exits as soon as its parent is gone (killed, crashed), leaving nothing behind."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _print_process_reports(queue):
    """In the bridge: prints what the process workers report, until the None sent at the end."""
    while True:
        item = queue.get()
        if item is None:
            return
        ev, worker, at, fields = item
        if ev == "end":
            _process_workers[worker] = {"cpu": fields.pop("cpu"), "rss": fields.pop("rss")}
        _print_report(ev, worker, at, fields)


# ---------------------------------------------------------------------------------------------
# The bridge itself


def _hello(start_method):
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    _write({"ev": "hello", "protocol": PROTOCOL, "version": list(sys.version_info[:3]),
            "implementation": sys.implementation.name, "executable": sys.executable, "pid": os.getpid(),
            "free_threaded_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")), "gil_enabled": gil,
            "start_method": start_method,
            "switch_interval": sys.getswitchinterval()})


def _no_fork_in_the_middle_of_a_line():
    """A worker forked while another thread is inside sys.stdout.write would inherit the stream's
    lock held, by a thread it does not have, and hang for ever when it flushes the stream on its
    way out. Every line is written under _out_lock: holding it across fork() leaves the stream free."""
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(before=_out_lock.acquire, after_in_parent=_out_lock.release,
                            after_in_child=_out_lock.release)


def _exit_when_stdin_closes():
    """concurrence keeps our standard input open while it wants us: when it closes, we go."""

    def watch():
        # The file descriptor, not sys.stdin: a thread blocked inside sys.stdin would hold its
        # lock, which a forked worker inherits held and then waits for forever when it closes stdin.
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        os._exit(3)

    threading.Thread(target=watch, name="watch-stdin", daemon=True).start()


def _heartbeat():
    """A line a second, whatever the tasks do, so that concurrence can tell a long task from a hang."""

    def beat():
        while True:
            time.sleep(1.0)
            _write({"ev": "tick", "t": round(time.perf_counter() - _gate, 6) if _gate else 0})

    threading.Thread(target=beat, name="heartbeat", daemon=True).start()


def run(args):
    global _gate
    n, workers = args.tasks, args.workers
    io = args.task == "io"
    context = multiprocessing.get_context(args.start_method) if args.strategy == "processes" else None
    queue = context.SimpleQueue() if context is not None else None
    printer = None
    if queue is not None:
        printer = threading.Thread(target=_print_process_reports, args=(queue,), name="reports", daemon=True)
        printer.start()
    if args.strategy == "asyncio":
        action = doing_something_with_io_awaitable if io else doing_something_with_cpu_awaitable
    else:
        action = doing_something_with_io if io else doing_something_with_the_cpu

    _write({"ev": "gate", "t": 0})
    before = os.times()
    rss_before = _memory("VmRSS:")
    # What %time measures: the construct, from creating its pool to the end of its last task.
    # Every time reported is counted from here: the timeline lies within the wall time.
    start = _gate = time.perf_counter()
    if args.strategy == "sequential":
        _worker_started(threading.current_thread().name)
        res = doing_several_things_sequentially(n, action)
    elif args.strategy == "threads":
        res = doing_several_things_with_threads(n, action, workers)
    elif args.strategy == "processes":
        res = doing_several_things_with_multiprocess(n, action, workers, context, queue)
    else:
        res = asyncio.run(doing_several_things_with_asyncio(n, action))
    end = time.perf_counter()
    after = os.times()
    if res is not None:
        list(res)  # the notebook never looks at the results; we do, so that a task's exception shows
    if queue is not None:
        queue.put(None)
        printer.join()
    rss_peak = _memory("VmHWM:")
    children_cpu = [sum(w["cpu"][0] for w in _process_workers.values()),
                    sum(w["cpu"][1] for w in _process_workers.values())]
    _write({"ev": "result", "wall": end - start,
            "times": [after.user - before.user, after.system - before.system,
                      after.children_user - before.children_user, after.children_system - before.children_system],
            "workers_cpu": children_cpu, "rss_before": rss_before, "rss_peak": rss_peak,
            "worker_rss": {w: r["rss"] for w, r in _process_workers.items()}})


def calibrate(args):
    """One cpu task, run args.repeat times: the CPU time each took (what it needs of one core,
    which other programs on the machine do not inflate as they inflate the wall time), and the wall time."""
    n = int(NOTEBOOK_SQUARES * args.scale)
    cpu, wall = [], []
    for _ in range(args.repeat):
        start, used = time.perf_counter(), time.process_time()
        squares(n, None, None)
        cpu.append(time.process_time() - used)
        wall.append(time.perf_counter() - start)
    _write({"ev": "calibration", "t1": cpu, "wall": wall})


def main(argv):
    global SCALE
    parser = argparse.ArgumentParser(prog="bridge.py")
    parser.add_argument("mode", choices=["run", "calibrate"])
    parser.add_argument("--strategy", choices=["sequential", "threads", "processes", "asyncio"], default="sequential")
    parser.add_argument("--task", choices=["io", "cpu"], default="cpu")
    parser.add_argument("--tasks", type=int, default=5)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--switch-interval", type=float, default=None)
    parser.add_argument("--start-method", default=None)
    args = parser.parse_args(argv)
    SCALE = args.scale
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval)
    # Ctrl-C in the terminal reaches every process of its group, us included: concurrence decides
    # when we stop (it closes our stdin or kills us), so that a cancel never looks like a crash.
    # Our workers inherit the ignored signal, through fork and through exec alike.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _no_fork_in_the_middle_of_a_line()
    _exit_when_stdin_closes()
    _heartbeat()
    _hello(args.start_method or multiprocessing.get_start_method())
    if args.mode == "run":
        run(args)
    else:
        calibrate(args)


if __name__ == "__main__":
    if sys.version_info < (3, 8):
        sys.stderr.write("concurrence needs Python 3.8 or later, not %s\n" % sys.version.split()[0])
        sys.exit(2)
    try:
        main(sys.argv[1:])
    except SystemExit:
        raise
    except BaseException as e:
        import traceback

        traceback.print_exc()
        _write({"ev": "error", "type": type(e).__name__, "message": str(e)})
        sys.exit(1)
