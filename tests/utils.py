import time


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.1):
    """Poll until `predicate()` is truthy (a worker is another process) and return its value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"gave up waiting after {timeout} s")
