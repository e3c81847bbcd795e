#!/usr/bin/env python3
"""Smoke test of the built UI in WebKitGTK, the engine of the Linux desktop window.

Starts `kompis serve` on a fresh temp catalogue, serves `dist/` with
`vite preview` (same CSP as the window) proxying `/rpc` to it, drives WebKit's
MiniBrowser through WebKitWebDriver under Xvfb, and walks the main flows on
the real core: first-start dialog, example network, a form that cannot read
a date and one the core refuses, saving a need, finding it by search, the
need's ranked offers, English, the match workflow (status, a decline the core
refuses without a reason, decline with reason, bring back), competence gaps,
concepts and the match-sheet preview. Screenshots go to SHOT_DIR (default
/tmp/kompis-ui-smoke). Fails (exit 1) on any missing piece, including a
missing driver, browser or kompis binary. Builds nothing.

Needs: `npm run build` done, the `kompis` binary ($KOMPIS_BIN, else
$CARGO_TARGET_DIR/debug/kompis, default /var/tmp/kompis-target), and Debian
packages xvfb, webkit2gtk-driver.
"""
import base64, json, os, shutil, signal, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.environ.get("SHOT_DIR", "/tmp/kompis-ui-smoke")
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
DRIVER_PORT, PREVIEW = 4499, "http://localhost:4173/"
KOMPIS = os.environ.get("KOMPIS_BIN") or os.path.join(os.environ.get("CARGO_TARGET_DIR", "/var/tmp/kompis-target"), "debug", "kompis")


def need(cond, what):
    if not cond:
        print(f"FAIL: {what}", file=sys.stderr)
        sys.exit(1)


def wait_for(url, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except OSError:
            time.sleep(0.3)
    return False


class Session:
    def __init__(self):
        caps = {"capabilities": {"alwaysMatch": {"browserName": "MiniBrowser", "webkitgtk:browserOptions": {
            "binary": MINIBROWSER, "args": ["--automation"]}}}}
        self.base = f"http://127.0.0.1:{DRIVER_PORT}"
        self.s = "/session/" + self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        r = urllib.request.Request(self.base + path, data=data, method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(r, timeout=60) as f:
            return json.loads(f.read())["value"]

    def do(self, method, path, body=None):
        return self.call(method, self.s + path, body)

    def open(self, url, settle=1.5):
        self.do("POST", "/url", {"url": url})
        time.sleep(settle)

    def all(self, testid):
        els = self.do("POST", "/elements", {"using": "css selector", "value": f'[data-testid="{testid}"]'})
        return [list(e.values())[0] for e in els]

    def one(self, testid):
        els = self.all(testid)
        need(els, f'an element with data-testid="{testid}"')
        return els[0]

    def click(self, testid, settle=0.6):
        self.do("POST", f"/element/{self.one(testid)}/click", {})
        time.sleep(settle)

    def click_css(self, selector, settle=0.4):
        els = self.do("POST", "/elements", {"using": "css selector", "value": selector})
        need(els, f"an element matching {selector}")
        self.do("POST", f"/element/{list(els[0].values())[0]}/click", {})
        time.sleep(settle)

    def attr(self, testid, name):
        return self.do("GET", f"/element/{self.one(testid)}/attribute/{name}")

    def type(self, testid, text):
        self.do("POST", f"/element/{self.one(testid)}/value", {"text": text})

    def clear(self, testid):
        self.do("POST", f"/element/{self.one(testid)}/clear", {})

    def texts(self, testid):
        return [self.do("GET", f"/element/{e}/text") for e in self.all(testid)]

    def shot(self, name):
        with open(os.path.join(SHOTS, name + ".png"), "wb") as f:
            f.write(base64.b64decode(self.do("GET", "/screenshot")))

    def close(self):
        self.do("DELETE", "")


def start_core(tmp):
    """`kompis serve` on a fresh catalogue; returns the process and its {url, token} line."""
    proc = subprocess.Popen([KOMPIS, "serve", "--db", os.path.join(tmp, "catalogue")], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    line = proc.stdout.readline()
    need(line.strip(), "kompis serve printed its {url, token} line")
    return proc, json.loads(line)


def main():
    need(os.path.isfile(os.path.join(HERE, "dist", "index.html")), "ui/dist: run `npm run build` first")
    need(os.access(KOMPIS, os.X_OK), f"the kompis binary at {KOMPIS} (cargo build -p kompis-cli, or set KOMPIS_BIN)")
    need(shutil.which("WebKitWebDriver") and os.path.exists(MINIBROWSER), "WebKitWebDriver and MiniBrowser (apt-get install webkit2gtk-driver)")
    need(shutil.which("xvfb-run"), "xvfb-run (apt-get install xvfb xauth)")
    os.makedirs(SHOTS, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="kompis-smoke-")
    core, served = start_core(tmp)
    env = dict(os.environ, KOMPIS_SERVE_URL=served["url"], KOMPIS_SERVE_TOKEN=served["token"])
    procs = [
        core,
        subprocess.Popen(["npx", "vite", "preview"], cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True),
        subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "WebKitWebDriver", f"--port={DRIVER_PORT}"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True),
    ]
    try:
        need(wait_for(PREVIEW), "vite preview on :4173")
        need(wait_for(f"http://127.0.0.1:{DRIVER_PORT}/status"), f"WebKitWebDriver on :{DRIVER_PORT}")
        w = Session()
        try:
            w.do("POST", "/window/rect", {"width": 1280, "height": 800})
            w.open(PREVIEW + "?lang=nb")
            w.shot("01-first-start")
            w.click("demo-load", 2.0)
            need(len(w.all("entry-row")) > 0, "needs listed after loading the example network")
            need(len(w.all("entry-row")) < 25, "only the rows in view are rendered")
            w.shot("02-needs")

            w.click("new-entry")
            w.type("field-title", "Behov fra røyktesten")
            w.type("field-deadline", "31.02.2027")
            w.click("save", 0.4)
            need("Frist må være en gyldig dato" in w.do("GET", "/source"), "the form says it cannot read the deadline")
            need(w.do("GET", "/url").endswith("#/needs/new"), "an unreadable date stays on the form")
            w.shot("03-form-refused")
            w.clear("field-deadline")
            w.type("field-deadline", "01.06.2027")
            w.click("save", 1.5)
            need(w.do("GET", "/url").endswith("#/needs"), "a saved need goes back to the list")

            w.type("search", "røyktesten")
            time.sleep(1.0)
            rows = w.texts("entry-row")
            need(len(rows) == 1 and "Behov fra røyktesten" in rows[0], f"search finds exactly the new need, got {rows}")
            w.shot("04-search")

            # A save the core refuses: its sentence shows at the field it names.
            w.open(PREVIEW + "?lang=nb#/organisations/new")
            w.type("field-name", "Røyktest AS")
            w.type("field-org-number", "1234")
            w.click("save", 0.8)
            need(w.do("GET", "/url").endswith("#/organisations/new"), "a refused save stays on the form")
            need(w.attr("field-org-number", "aria-invalid") == "true", "the core's refusal marks the organisation number")
            w.shot("05-core-refused")

            w.open(PREVIEW + "?lang=en#/needs/n-01")
            need(len(w.all("match-row")) > 0, "ranked offers on a need's page")
            need("Matching offers" in w.do("GET", "/source"), "English texts with ?lang=en")
            w.shot("06-need-en")

            # The match workflow on a need's page: a status, a refused and an accepted decline, bringing back.
            w.open(PREVIEW + "?lang=nb#/needs/n-03")
            w.click("status-shortlisted", 1.0)
            need(w.attr("status-shortlisted", "aria-pressed") == "true", "the shortlisted button is pressed")
            before = len(w.all("declined-row"))
            w.click("status-decline", 0.4)
            w.click("decline-confirm", 0.8)
            need(len(w.all("decline-reason-error")) == 1, "the core refuses a decline without a reason, at the reason")
            w.click_css('[data-testid="decline-reason"] option[value="bad_timing"]')
            w.type("decline-note", "Til høsten")
            w.click("decline-confirm", 1.2)
            declined = w.texts("declined-row")
            need(len(declined) == before + 1 and any("Feil tidspunkt" in t for t in declined), f"the declined list, got {declined}")
            w.shot("07-declined")
            w.click("bring-back", 1.2)
            need(len(w.all("declined-row")) == before, "the declined offer brought back")

            w.click("nav-gaps", 1.5)
            need(len(w.all("gap-row")) > 0 or "gaps" in w.do("GET", "/url"), "the gaps screen")
            w.shot("08-gaps")
            w.click("nav-thesaurus", 1.0)
            need(len(w.all("concept")) > 0, "concept groups on the thesaurus screen")
            w.shot("09-thesaurus")
            w.click("nav-sheets", 2.5)
            need(any(t.strip() for t in w.texts("sheet-preview")), "a PDF first page in the preview")
            w.shot("10-sheets-pdf")
            w.click("sheet-format-xlsx", 2.0)
            need("<th>" in w.do("GET", "/source"), "the match table in the XLSX preview")
            w.shot("11-sheets-xlsx")
        finally:
            w.close()
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"ok: WebKitGTK smoke passed on kompis serve; screenshots in {SHOTS}")


if __name__ == "__main__":
    main()
