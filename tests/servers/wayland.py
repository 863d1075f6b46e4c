"""A real Wayland desktop for the portal tests: headless sway, PipeWire, a private D-Bus
session bus, and xdg-desktop-portal with the wlr backend (Screenshot) and the gtk one.

Why each part is there (found by running it, Debian 12):

* sway 1.7 with ``WLR_BACKENDS=headless`` and the pixman renderer needs no GPU or seat. It
  refuses to run as root ("Unable to drop root"), so as root it runs as ``nobody`` in a
  runtime folder of its own; the other processes reach its socket through an absolute
  ``WAYLAND_DISPLAY``. Each output gets a solid background colour (drawn by swaybg).
* xdg-desktop-portal-wlr 0.7 exits at start-up without a PipeWire daemon (it sets up its
  ScreenCast part first), so PipeWire runs too. Its Screenshot runs ``grim`` and answers
  ``file:///tmp/out.png`` (a fixed path).
* xdg-desktop-portal 1.16 exports ``org.freedesktop.portal.Screenshot`` only when some backend
  also implements ``org.freedesktop.impl.portal.Access`` (for the permission dialog of
  sandboxed apps): xdg-desktop-portal-gtk does. ``NO_AT_BRIDGE=1`` keeps GTK from waiting
  about 20 s for an accessibility bus that is not there.
* Neither backend implements ``org.freedesktop.impl.portal.GlobalShortcuts`` (see their
  ``.portal`` files), so on this desktop the GlobalShortcuts portal is absent: true of sway.

The D-Bus daemon activates the portals from a service folder holding only the services
needed (copied from /usr/share/dbus-1/services), with this desktop's environment.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.servers.portal import private_bus

LIBEXEC = Path("/usr/libexec")
SYSTEM_SERVICES = Path("/usr/share/dbus-1/services")
SERVICES = (
    "org.freedesktop.portal.Desktop",
    "org.freedesktop.impl.portal.desktop.wlr",
    "org.freedesktop.impl.portal.desktop.gtk",
    "org.freedesktop.impl.portal.PermissionStore",
)
PORTAL_FILES = Path("/usr/share/xdg-desktop-portal/portals")
BINARIES = ("sway", "swaybg", "swaymsg", "grim", "pipewire", "dbus-daemon")


def missing_parts() -> list[str]:
    """What this machine lacks for the real stack ([] when it can run)."""
    missing = [name for name in BINARIES if shutil.which(name) is None]
    for name in ("xdg-desktop-portal", "xdg-desktop-portal-wlr", "xdg-desktop-portal-gtk"):
        if not (LIBEXEC / name).exists():
            missing.append(name)
    for name in SERVICES[:3]:
        if not (SYSTEM_SERVICES / f"{name}.service").exists():
            missing.append(f"{name}.service")
    for name in ("wlr.portal", "gtk.portal"):
        if not (PORTAL_FILES / name).exists():
            missing.append(name)
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        missing.append("setpriv")
    return missing


@dataclass
class Output:
    """One headless monitor: name, position, size and background colour (``#rrggbb``)."""

    name: str
    x: int
    y: int
    width: int
    height: int
    colour: str


@dataclass
class WaylandDesktop:
    """The running stack."""

    bus_address: str
    wayland_display: str  # an absolute socket path
    outputs: list[Output]
    log_dir: Path

    def logs(self) -> str:
        """Every process's output, for a failing test's message."""
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-4000:]}"
            for path in sorted(self.log_dir.glob("*.log"))
        )


def _as_nobody() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll another process's state (a file appearing): there is no signal to wait on."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)


@contextmanager
def _process(argv: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A child in its own process group, ended (with its children) on exit."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield process
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


@contextmanager
def wayland_desktop(outputs: list[Output], log_dir: Path) -> Iterator[WaylandDesktop]:
    """Start the whole stack; everything it started is ended on exit."""
    log_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        # sway's own runtime folder, reachable by nobody (pytest's tmp_path is root-only).
        sway_dir = Path(tempfile.mkdtemp(prefix="tw-sway-"))
        stack.callback(shutil.rmtree, sway_dir, True)
        runtime = Path(tempfile.mkdtemp(prefix="tw-xdg-"))
        stack.callback(shutil.rmtree, runtime, True)
        config = sway_dir / "config"
        lines = []
        for out in outputs:
            lines.append(
                f"output {out.name} mode --custom {out.width}x{out.height} "
                f"position {out.x} {out.y} bg {out.colour} solid_color"
            )
        config.write_text("\n".join(lines) + "\n")
        if os.geteuid() == 0:
            shutil.chown(sway_dir, "nobody", "nogroup")
            os.chmod(sway_dir, 0o700)
            shutil.chown(config, "nobody", "nogroup")
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
        }
        sway_env = {
            **base,
            "HOME": str(sway_dir),
            "XDG_RUNTIME_DIR": str(sway_dir),
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_HEADLESS_OUTPUTS": str(len(outputs)),
        }
        stack.enter_context(
            _process(
                [*_as_nobody(), "sway", "--config", str(config)], sway_env, log_dir / "sway.log"
            )
        )
        sockets: list[Path] = []

        def socket_ready() -> bool:
            sockets[:] = sorted(sway_dir.glob("wayland-*[0-9]"))
            return bool(sockets) and any(sway_dir.glob("sway-ipc.*.sock"))

        wait_for(socket_ready, 20, "sway's Wayland socket")
        display = str(sockets[0])
        env = {
            **base,
            "HOME": str(runtime),
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_CONFIG_HOME": str(runtime / "config"),
            "XDG_DATA_HOME": str(runtime / "data"),
            "XDG_CACHE_HOME": str(runtime / "cache"),
            "WAYLAND_DISPLAY": display,
            "XDG_CURRENT_DESKTOP": "sway",
            "XDG_SESSION_TYPE": "wayland",
            "NO_AT_BRIDGE": "1",
            "GTK_A11Y": "none",
            "GSETTINGS_BACKEND": "memory",
        }
        stack.enter_context(_process(["pipewire"], env, log_dir / "pipewire.log"))
        wait_for((runtime / "pipewire-0").exists, 20, "PipeWire's socket")

        services = runtime / "services"
        services.mkdir()
        for name in SERVICES:
            source = SYSTEM_SERVICES / f"{name}.service"
            if source.exists():
                shutil.copy(source, services / source.name)
        bus_env = {**env, "G_MESSAGES_DEBUG": "all"}
        bus = stack.enter_context(
            private_bus(service_dirs=(services,), env=bus_env, log=log_dir / "dbus.log")
        )
        # Start the backends before xdg-desktop-portal talks to them. xdg-desktop-portal-wlr
        # 0.7 leaves the first message it receives unanswered (its loop sleeps in poll() with
        # that message already read into sd-bus's queue) until a second one arrives: a
        # frontend whose first call is that one hangs until D-Bus gives up on it (25 s; seen
        # in about 1 start in 10 here). Pinged until it answers, it is awake for the frontend.
        for name in (
            "org.freedesktop.impl.portal.desktop.wlr",
            "org.freedesktop.impl.portal.desktop.gtk",
        ):
            _start_and_ping(bus.address, name)
        yield WaylandDesktop(bus.address, display, outputs, log_dir)


def _start_and_ping(address: str, name: str) -> None:
    """Activate ``name`` on the bus and wait until it answers a Peer.Ping."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.bus_messages import message_bus
    from jeepney.io.threading import DBusRouter, Proxy, open_dbus_connection

    conn = open_dbus_connection(address)
    try:
        with DBusRouter(conn) as router:
            Proxy(message_bus, router, timeout=30).StartServiceByName(name)
            peer = DBusAddress("/", bus_name=name, interface="org.freedesktop.DBus.Peer")
            for _attempt in range(10):
                try:
                    reply = router.send_and_get_reply(new_method_call(peer, "Ping"), timeout=1)
                except TimeoutError:
                    continue  # the next Ping wakes it (see above), then both are answered
                assert reply.header.message_type.name == "method_return", reply.body
                return
            raise TimeoutError(f"{name} does not answer on the bus")
    finally:
        conn.close()


def grim_png(desktop: WaylandDesktop) -> bytes:
    """The desktop as grim sees it (straight from the compositor, no portal): PNG bytes."""
    result = subprocess.run(
        ["grim", "-t", "png", "-"],
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "XDG_RUNTIME_DIR": str(Path(desktop.wayland_display).parent),
            "WAYLAND_DISPLAY": desktop.wayland_display,
        },
        capture_output=True,
        timeout=20,
        check=True,
    )
    return result.stdout
