"""The teacher's live page: served by the class pulse at its URL, filled in by its own script.

Bars per option, counts and shares as text beside each bar (the bars are hidden from screen
readers; the text carries the numbers), the previous round as a dashed mark, refreshed every
2 seconds from ``api/spread``. Large type and one blue for a projector; real buttons and a
labelled select, so the keyboard reaches every control. ``__CONFIG__`` is replaced by the course,
the questions and the XSRF token when the page is served.
"""

LIVE_PAGE = r"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class pulse</title>
<style>
  /* Readable on a projector: large type, black on white, one blue (Okabe-Ito) for the bars. */
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem 2rem;
         color: #111; background: #fff; font-size: 22px; line-height: 1.35; }
  h1 { font-size: 1.1rem; font-weight: 600; margin: 0 0 .6rem; color: #333; }
  #question { font-size: 2rem; font-weight: 700; margin: .4rem 0 1.2rem; max-width: 60rem; }
  .row { display: grid; grid-template-columns: minmax(12rem, 26rem) 1fr 9rem; gap: 1rem;
         align-items: center; margin: .8rem 0; }
  .label { font-size: 1.35rem; }
  .track { background: #eee; height: 2.6rem; border-radius: 4px; position: relative; }
  .bar { background: #0072B2; height: 100%; border-radius: 4px; transition: width .4s; }
  .before { position: absolute; top: 0; height: 100%; border-right: 4px dashed #D55E00; }
  .count { font-size: 1.6rem; font-weight: 700; text-align: right; white-space: nowrap; }
  .count small { font-weight: 400; font-size: 1.1rem; color: #333; }
  #total { font-size: 1.4rem; margin: 1rem 0; }
  #state { font-size: 1.2rem; padding: .2rem .6rem; border: 2px solid #111; border-radius: 4px; }
  .controls { margin: 1.2rem 0; display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
  button, select, a.button { font-size: 1.1rem; padding: .45rem .9rem; border: 2px solid #0072B2;
         background: #fff; color: #003f63; border-radius: 4px; cursor: pointer; text-decoration: none; }
  button:focus, select:focus, a.button:focus { outline: 3px solid #E69F00; outline-offset: 2px; }
  #message { min-height: 1.5em; color: #8a2a00; font-size: 1.1rem; }
  .key { font-size: 1rem; color: #333; }
  .hidden { display: none; }
</style>
</head>
<body>
<script type="application/json" id="config">__CONFIG__</script>
<h1>Class pulse · course <span id="course"></span> · round <span id="round">1</span>
  · <span id="state">closed</span></h1>
<div class="controls">
  <label for="pick">Question:</label>
  <select id="pick"></select>
</div>
<p id="question" aria-live="polite"></p>
<div id="bars"></div>
<p id="total"></p>
<p class="key hidden" id="key">Dashed mark: the previous round's share.</p>
<div class="controls" role="group" aria-label="Teacher's controls">
  <button data-action="open">Open for answers</button>
  <button data-action="close">Close</button>
  <button data-action="reveal">Reveal to students</button>
  <button data-action="hide">Hide from students</button>
  <button data-action="reset">New round (re-ask)</button>
  <button data-action="delete">Delete this question's answers</button>
  <a class="button" id="csv" href="#">Download counts (CSV)</a>
</div>
<p id="message" role="status"></p>
<p class="key">Updated <span id="updated">never</span>; refreshes every 2 seconds.</p>
<script>
"use strict";
const config = JSON.parse(document.getElementById("config").textContent);
const base = window.location.pathname.replace(/[^/]*$/, "");
let current = config.question || config.questions[0].id;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function say(text) { document.getElementById("message").textContent = text; }

async function api(path, options) {
  // The hub's cookie is accepted on a script's request only with the page's XSRF token.
  const init = Object.assign({credentials: "same-origin", headers: {}}, options);
  init.headers["X-XSRFToken"] = config.xsrf;
  const response = await fetch(base + path, init);
  const body = (response.headers.get("Content-Type") || "").includes("json") ? await response.json() : {};
  if (!response.ok) throw new Error(body.error || response.status + " " + response.statusText);
  return body;
}

function draw(spread) {
  document.getElementById("question").textContent = spread.text;
  document.getElementById("round").textContent = spread.round;
  document.getElementById("state").textContent =
    spread.state + (spread.revealed ? ", revealed" : ", not revealed");
  const most = Math.max(1, ...spread.counts);
  const bars = document.getElementById("bars");
  bars.replaceChildren();
  const prevTotal = spread.previous ? spread.previous.reduce((a, b) => a + b, 0) : 0;
  spread.options.forEach((option, i) => {
    const n = spread.counts[i];
    const share = spread.total ? Math.round(100 * n / spread.total) : 0;
    const row = el("div", "row");
    row.append(el("div", "label", option));
    const track = el("div", "track");
    track.setAttribute("aria-hidden", "true");
    const bar = el("div", "bar");
    bar.style.width = (100 * n / most) + "%";
    track.append(bar);
    if (prevTotal) {
      const before = el("div", "before");
      before.style.width = (100 * (spread.previous[i] / prevTotal) * spread.total / most) + "%";
      track.append(before);
    }
    row.append(track);
    const count = el("div", "count", String(n));
    count.append(el("small", "", " (" + share + "%)"));
    row.append(count);
    bars.append(row);
  });
  document.getElementById("key").classList.toggle("hidden", !prevTotal);
  document.getElementById("total").textContent =
    spread.total + (spread.total === 1 ? " answer" : " answers") + " in round " + spread.round +
    (prevTotal ? " (" + prevTotal + " in the round before)" : "");
  document.getElementById("updated").textContent = new Date().toLocaleTimeString();
}

async function refresh() {
  try {
    const q = new URLSearchParams({course: config.course, question: current});
    draw(await api("api/spread?" + q));
  } catch (error) {
    say("Could not refresh: " + error.message);
  }
}

async function act(action) {
  if (action === "delete" && !window.confirm("Delete every answer to this question, in every round?")) return;
  try {
    await api("api/control", {method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({course: config.course, question: current, action: action})});
    say("Done: " + action + ".");
    refresh();
  } catch (error) {
    say("Could not " + action + ": " + error.message);
  }
}

document.getElementById("course").textContent = config.course;
const pick = document.getElementById("pick");
config.questions.forEach(q => {
  const option = el("option", "", q.notebook.slice(0, 2) + " · " + q.question);
  option.value = q.id;
  option.selected = q.id === current;
  pick.append(option);
});
pick.addEventListener("change", () => {
  current = pick.value;
  const url = new URL(window.location);
  url.searchParams.set("question", current);
  window.history.replaceState(null, "", url);
  refresh();
});
document.querySelectorAll("button[data-action]").forEach(b =>
  b.addEventListener("click", () => act(b.dataset.action)));
document.getElementById("csv").href = base + "api/counts.csv?" + new URLSearchParams({course: config.course});
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
"""
