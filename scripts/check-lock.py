"""requirements.lock pins exactly the versions of constraints.txt (CI; `make lock` refreshes it).

A package added to requirements*.txt / constraints.txt without `make lock` would never be
installed by `make install`, which installs from the lock: this check says so first.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def main() -> int:
    lock, constraints = pins(ROOT / "requirements.lock"), pins(ROOT / "constraints.txt")
    wanted = pins(ROOT / "requirements.txt") | pins(ROOT / "requirements-dev.txt")
    problems = [
        f"{name}=={version} in constraints.txt, {lock.get(name, 'missing')} in requirements.lock"
        for name, version in sorted(constraints.items())
        if lock.get(name) != version
    ]
    problems += [
        f"{name} is in requirements.lock but not in constraints.txt"
        for name in sorted(lock.keys() - constraints.keys())
    ]
    problems += [
        f"{name}=={version} is required but requirements.lock has {lock.get(name, 'nothing')}"
        for name, version in sorted(wanted.items())
        if lock.get(name) != version
    ]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("requirements.lock is out of date: run `make lock`", file=sys.stderr)
        return 1
    print(f"requirements.lock: {len(lock)} packages, with hashes, as constraints.txt pins them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
