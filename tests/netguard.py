"""Refuse network connections to anything but this machine, in the test process and in kernels.

``install()`` patches ``socket.socket.connect`` (and ``connect_ex``) so that a connection to a
non-loopback address raises ``NetworkBlocked``; notebooks and tests must work offline.
"""

import ipaddress
import socket

_ORIGINAL = {}


class NetworkBlocked(OSError):
    pass


def _allowed(address) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX paths and the like stay on this machine
        return True
    host = address[0]
    if host in ("localhost", "", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost means a lookup and a remote peer


def install() -> None:
    if _ORIGINAL:
        return
    for name in ("connect", "connect_ex"):
        original = getattr(socket.socket, name)
        _ORIGINAL[name] = original

        def guarded(self, address, _original=original, _name=name):
            if not _allowed(address):
                raise NetworkBlocked(f"network access to {address!r} is not allowed in tests")
            return _original(self, address)

        setattr(socket.socket, name, guarded)


def uninstall() -> None:
    for name, original in _ORIGINAL.items():
        setattr(socket.socket, name, original)
    _ORIGINAL.clear()
