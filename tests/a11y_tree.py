#!/usr/bin/env python3
"""Walk the Kompis window's accessibility tree (AT-SPI, as a screen reader
sees WebKit's page) and list every control a person can operate that has
no accessible name.

Usage: a11y_tree.py APP-NAME [SCREEN-LABEL]
Prints one JSON object: {"controls": N, "unnamed": [{"role", "path"}...],
"unreachable": [...]}: controls with no name, and enabled controls the
keyboard cannot reach (not focusable).
Needs python3-gi and gir1.2-atspi-2.0 (Debian), and the session bus the
app runs on (DBUS_SESSION_BUS_ADDRESS).
"""
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

# Roles a person operates; each needs a name a screen reader can say.
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "entry",
    "password text",
    "spin button",
    "link",
    "menu item",
    "slider",
    "list box",
    "text",  # a text area or input in WebKit
}
# Nodes whose subtree is not part of the page.
SKIP = {"scroll bar"}


def role(node):
    try:
        return node.get_role_name()
    except Exception:  # a node that went away while walking
        return ""


def editable_or_focusable(node):
    try:
        states = node.get_state_set()
        return states.contains(Atspi.StateType.FOCUSABLE) or states.contains(Atspi.StateType.EDITABLE)
    except Exception:
        return False


def visible(node):
    try:
        states = node.get_state_set()
        return states.contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def enabled_but_unfocusable(node):
    try:
        states = node.get_state_set()
        return states.contains(Atspi.StateType.ENABLED) and not states.contains(Atspi.StateType.FOCUSABLE)
    except Exception:
        return False


def walk(node, path, out, depth=0):
    if depth > 80:
        return
    r = role(node)
    if r in SKIP:
        return
    if r in CONTROLS and visible(node) and (r != "text" or editable_or_focusable(node)):
        name = (node.get_name() or "").strip()
        out["controls"] += 1
        # A select's options are reached through the select (arrow keys).
        in_select = "/combo box[" in path
        if r != "text" and not in_select and enabled_but_unfocusable(node):
            out["unreachable"].append({"role": r, "name": name, "path": path})
        if not name:
            # A control may also be named by what labels it.
            labelled = False
            try:
                for rel in node.get_relation_set():
                    if rel.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                        labelled = True
            except Exception:
                pass
            if not labelled:
                out["unnamed"].append({"role": r, "path": path})
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        if child is not None:
            walk(child, f"{path}/{role(child)}[{i}]", out, depth + 1)


def main():
    app_name = sys.argv[1]
    desktop = Atspi.get_desktop(0)
    apps = []
    for i in range(desktop.get_child_count()):
        a = desktop.get_child_at_index(i)
        if a is not None:
            apps.append(a.get_name() or "")
            if (a.get_name() or "") == app_name:
                out = {"controls": 0, "unnamed": [], "unreachable": [], "apps": apps}
                walk(a, app_name, out)
                print(json.dumps(out, ensure_ascii=False))
                return
    print(json.dumps({"controls": 0, "unnamed": [], "unreachable": [], "apps": apps, "error": f"no application {app_name!r}"}))


if __name__ == "__main__":
    main()
