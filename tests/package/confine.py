#!/usr/bin/python3
"""Runs a command confined the way a systemd unit of ours confines profkpi, so
that the hardening can be tested where systemd is not PID 1 (build machines,
containers): the unit's SystemCallFilter (its groups expanded by
`systemd-analyze syscall-filter`), SystemCallErrorNumber,
RestrictAddressFamilies, NoNewPrivileges and MemoryDenyWriteExecute (the
kernel's PR_SET_MDWE, Linux 6.3 and later; without it the command runs with a
notice on stderr). The settings are read from the unit file itself.

  confine.py UNIT_FILE COMMAND [ARGS...]
"""
import ctypes
import errno
import os
import re
import subprocess
import sys

import seccomp

PR_SET_NO_NEW_PRIVS = 38
PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1
FAMILIES = {"AF_UNIX": 1, "AF_INET": 2, "AF_INET6": 10}


def unit_settings(path):
    """The [Service] settings we apply, as {key: value}. As in systemd, the
    lists (SystemCallFilter, RestrictAddressFamilies) add up over their lines
    and an empty assignment clears them; for the others the last line wins."""
    lists = ("SystemCallFilter", "RestrictAddressFamilies")
    settings = {}
    for line in open(path, encoding="utf-8"):
        match = re.match(r"^(SystemCallFilter|SystemCallErrorNumber|RestrictAddressFamilies|"
                         r"NoNewPrivileges|MemoryDenyWriteExecute)=(.*)$", line.strip())
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key in lists and value.startswith("~"):
            sys.exit(f"confine.py: {key}=~... (a deny list) is not supported")
        if key in lists and value:
            settings[key] = (settings.get(key, "") + " " + value).strip()
        else:
            settings[key] = value
    return settings


def expand(names, seen=None):
    """System call names of a filter, its @groups expanded recursively."""
    seen = set() if seen is None else seen
    calls = set()
    for name in names:
        if not name.startswith("@"):
            calls.add(name)
            continue
        if name in seen:
            continue
        seen.add(name)
        listing = subprocess.run(["systemd-analyze", "syscall-filter", name], check=True,
                                 capture_output=True, text=True).stdout
        members = [line.strip() for line in listing.splitlines()[1:]
                   if line.strip() and not line.strip().startswith("#")]
        calls |= expand(members, seen)
    return calls


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: confine.py UNIT_FILE COMMAND [ARGS...]")
    settings = unit_settings(sys.argv[1])
    libc = ctypes.CDLL(None, use_errno=True)

    if settings.get("NoNewPrivileges") == "yes" or settings.get("SystemCallFilter"):
        if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            sys.exit("confine.py: PR_SET_NO_NEW_PRIVS failed")
    if settings.get("MemoryDenyWriteExecute") == "yes":
        if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
            print("confine.py: this kernel has no PR_SET_MDWE; MemoryDenyWriteExecute not applied",
                  file=sys.stderr)

    if settings.get("SystemCallFilter"):
        error = getattr(errno, settings.get("SystemCallErrorNumber", "EPERM"))
        allowed = expand(settings["SystemCallFilter"].split())
        # execve must stay allowed for the command itself (it is in @system-service).
        rules = seccomp.SyscallFilter(defaction=seccomp.ERRNO(error))
        families = [FAMILIES[f] for f in settings.get("RestrictAddressFamilies", "").split()]
        for call in sorted(allowed):
            if call == "socket" and families:
                continue
            try:
                rules.add_rule(seccomp.ALLOW, call)
            except (RuntimeError, ValueError, OSError):
                pass  # a name this architecture does not have
        if families:
            for family in families:
                rules.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, family))
            # What systemd answers for a family outside RestrictAddressFamilies.
            rules.add_rule(seccomp.ERRNO(errno.EAFNOSUPPORT), "socket",
                           seccomp.Arg(0, seccomp.GT, max(families)))
        rules.load()

    os.execvp(sys.argv[2], sys.argv[2:])


if __name__ == "__main__":
    main()
