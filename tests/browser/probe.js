// Page-side helpers for tests/browser/lab.py: find widget controls in a notebook's outputs and
// time an input until the picture or text it drives changes on the page.
(() => {
  if (window.__sf) return;
  const PROBLEMS = ["Loading widget", "model not found", "Error displaying widget",
                    "Could not create view", "Could not draw this choice"];
  let lastMutation = performance.now();
  new MutationObserver(() => { lastMutation = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});

  const notebook = () => document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook");
  // Outputs of notebook cells (not the outputs nested inside an Output widget).
  const topOutputs = () => [...notebook().querySelectorAll(".jp-OutputArea-output")]
    .filter(el => !el.parentElement.closest(".jupyter-widgets"));

  // What a control can drive: pictures and text shown by the widgets, not the controls' own state.
  function state(out) {
    const imgs = [...out.querySelectorAll("img")].map(i => i.getAttribute("src") || "");
    const texts = [...out.querySelectorAll(
      ".widget-html-content, .widget-output, .jp-RenderedText, .jp-RenderedMarkdown, .jp-RenderedHTML"
    )].filter(el => !el.parentElement.closest(".widget-html-content, .widget-output"))
      .map(el => el.textContent);
    const hidden = [...out.querySelectorAll(".jupyter-widgets")]
      .map(el => (el.style.display === "none" ? "h" : "v")).join("");
    return JSON.stringify([imgs, texts, hidden]);
  }

  function controls(out) {
    const found = [];
    const add = (kind, el) => { if (!el.closest(".lm-mod-disabled, [disabled]")) found.push([kind, el]); };
    out.querySelectorAll(".widget-toggle-buttons").forEach(el => add("toggle", el));
    out.querySelectorAll(".widget-dropdown select").forEach(el => add("dropdown", el));
    out.querySelectorAll(".widget-slider, .widget-hslider, .widget-vslider").forEach(el => {
      if (el.querySelector(".noUi-handle")) add("slider", el);
    });
    out.querySelectorAll(".widget-checkbox input[type=checkbox]").forEach(el => add("checkbox", el));
    out.querySelectorAll(".widget-text input, .widget-textarea textarea").forEach(el => add("text", el));
    out.querySelectorAll(".widget-radio-box").forEach(el => add("radio", el));
    out.querySelectorAll("button.widget-toggle-button").forEach(el => {
      if (!el.closest(".widget-toggle-buttons")) add("togglebutton", el);
    });
    out.querySelectorAll("button.widget-button").forEach(el => add("button", el));
    // Document order, so the page is used top to bottom.
    found.sort((a, b) => (a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1);
    return found;
  }

  function label(el) {
    const box = el.closest(".widget-inline-hbox, .widget-toggle-buttons, .widget-radio, .widget-slider") || el;
    const clean = node => (node ? node.textContent.replace(/[\u200b\s]+/g, " ").trim() : "");
    const text = clean(box.querySelector("label.widget-label")) || clean(box.querySelector(".widget-label-basic"))
      || clean(el) || el.getAttribute("title") || "";
    return text.slice(0, 60);
  }

  window.__sf = {
    PROBLEMS,
    // Tag every control in every widget output; return [{id, kind, label, out}] in page order.
    scan() {
      const result = [];
      topOutputs().forEach((out, k) => {
        out.dataset.sfOut = String(k);
        controls(out).forEach(([kind, el], j) => {
          el.dataset.sfCtl = `${k}-${j}`;
          result.push({id: `${k}-${j}`, kind, label: label(el), out: k});
        });
      });
      return result;
    },
    // Arm a timer on one output: the next `trigger` event starts it; the first change of what the
    // output shows (new images decoded) stops it.
    arm(out, trigger) {
      const el = document.querySelector(`[data-sf-out="${out}"]`);
      const baseline = state(el);
      const probe = {start: null, end: null, changed: false};
      const onInput = () => { if (probe.end === null) probe.start = performance.now(); };
      window.addEventListener(trigger, onInput, true);
      const observer = new MutationObserver(async () => {
        if (probe.changed || probe.start === null) return;
        const now = state(el);
        if (now === baseline) return;
        probe.changed = true;
        const before = JSON.parse(baseline)[0];
        const fresh = [...el.querySelectorAll("img")].filter(i => !before.includes(i.getAttribute("src") || ""));
        await Promise.all(fresh.map(i => i.decode().catch(() => null)));
        probe.end = performance.now();
        observer.disconnect();
        window.removeEventListener(trigger, onInput, true);
      });
      observer.observe(el, {subtree: true, childList: true, attributes: true, characterData: true});
      probe.cancel = () => { observer.disconnect(); window.removeEventListener(trigger, onInput, true); };
      window.__sf.probe = probe;
    },
    result() {
      const p = window.__sf.probe;
      return p && p.end !== null ? p.end - p.start : null;
    },
    cancel() { const p = window.__sf.probe; if (p) p.cancel(); },
    // The kernel is idle and no cell is queued or running.
    idle() {
      const panel = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)");
      const ind = panel && panel.querySelector(".jp-Notebook-ExecutionIndicator");
      return Boolean(ind && ind.dataset.status === "idle"
                     && !window.__sf.prompts().some(([p]) => p === "[*]:"));
    },
    quietFor() { return performance.now() - lastMutation; },
    problems(out) {
      const els = out === undefined ? topOutputs() : [document.querySelector(`[data-sf-out="${out}"]`)];
      const found = [];
      els.forEach(el => {
        const text = el.textContent;
        PROBLEMS.filter(p => text.includes(p)).forEach(p => found.push(`output shows "${p}"`));
        el.querySelectorAll("[role=alert]").forEach(a => found.push(a.textContent.trim().slice(0, 200)));
      });
      return [...new Set(found)];
    },
    widgetOutputs() { return topOutputs().filter(el => el.querySelector(".jupyter-widgets")).length; },
    // Images in outputs that are meant to show and have not loaded.
    brokenImages() {
      return [...notebook().querySelectorAll(".jp-OutputArea-output img")]
        .filter(i => i.style.display !== "none" && !i.closest("[style*='display: none']"))
        .filter(i => !(i.getAttribute("src") && i.complete && i.naturalWidth > 0))
        .map(i => (i.getAttribute("src") || "(no src)").slice(0, 60));
    },
    images() { return notebook().querySelectorAll(".jp-OutputArea-output img").length; },
    errors() {
      // Tracebacks and stderr (the same rule as tests/test_notebooks.py).
      return [...notebook().querySelectorAll(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")]
        .filter(el => !el.parentElement.closest(".jupyter-widgets"))
        .map(el => el.textContent.slice(0, 400));
    },
    prompts() {
      return [...notebook().querySelectorAll(".jp-CodeCell")].map(cell => {
        const p = cell.querySelector(".jp-InputArea-prompt");
        const source = cell.querySelector(".jp-InputArea-editor");
        return [p ? p.textContent.trim() : "", source ? source.textContent.trim().length : 0];
      });
    },
    scroller() { return document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"); },
  };
})();
