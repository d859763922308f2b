#!/bin/sh
# Runs a command next to a private, unlocked GNOME Keyring (the Secret Service) on the current D-Bus session bus:
#
#   dbus-run-session -- sh tests/tools/with-keyring.sh <command> [arguments...]
#
# HOME, XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_RUNTIME_DIR (mode 0700) point into a fresh temporary folder, so the
# user's own keyring and settings are never touched; INKWELL_TEST_KEYRING_DIR names that folder for the test.
# The daemon is stopped and the folder removed afterwards whatever happened; the command's exit status is returned.
set -u

if [ $# -eq 0 ]; then
    echo "usage: dbus-run-session -- sh $0 <command> [arguments...]" >&2
    exit 2
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "$0: no D-Bus session bus; run me under dbus-run-session" >&2
    exit 2
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/inkwell-keyring.XXXXXX") || exit 1
daemon_pid=
command_pid=
cleanup() {
    if [ -n "$command_pid" ]; then
        kill "$command_pid" 2>/dev/null
        wait "$command_pid" 2>/dev/null
    fi
    if [ -n "$daemon_pid" ]; then
        kill "$daemon_pid" 2>/dev/null
        wait "$daemon_pid" 2>/dev/null
    fi
    rm -rf "$root"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -m 700 "$root/home" "$root/data" "$root/config" "$root/runtime" || exit 1
export HOME="$root/home" XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config" XDG_RUNTIME_DIR="$root/runtime"
export INKWELL_TEST_KEYRING_DIR="$root"

bus_call() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "org.freedesktop.DBus.$1" \
        "string:org.freedesktop.secrets" 2>/dev/null
}

# --foreground keeps the daemon our child, so we know its pid. The password on stdin creates and unlocks the
# "login" collection, where libsecret stores items by default.
printf '%s' "inkwell-test-keyring" |
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$root/daemon.env" 2>"$root/daemon.log" &
daemon_pid=$!

# Wait until it owns the Secret Service name. Until then a client would make the bus start another, locked daemon
# through D-Bus activation.
tries=0
until bus_call NameHasOwner | grep -q 'boolean true'; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ] || ! kill -0 "$daemon_pid" 2>/dev/null; then
        echo "$0: gnome-keyring-daemon did not start:" >&2
        cat "$root/daemon.log" >&2
        exit 1
    fi
    sleep 0.05
done
owner=$(bus_call GetConnectionUnixProcessID | awk '/uint32/ { print $2 }')
if [ "$owner" != "$daemon_pid" ]; then
    echo "$0: org.freedesktop.secrets belongs to pid $owner, not to our daemon ($daemon_pid)" >&2
    exit 1
fi

# Export what the daemon prints for its clients (NAME=value lines; gnome-keyring 42 prints none with only the
# secrets component and --foreground, but other versions may).
while IFS= read -r line; do
    case "$line" in
    [A-Za-z_]*=*) export "$line" ;;
    esac
done <"$root/daemon.env"

# In the background and waited for, so that a signal to this script (a ctest timeout) is handled at once: the
# traps above stop the command and the daemon and remove the folder.
"$@" &
command_pid=$!
wait "$command_pid"
status=$?
command_pid=
exit "$status"
