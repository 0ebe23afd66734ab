// The event editor's "next dates" panel (events/panels.py).
//
// 1. While the rule is edited, the dates it gives are fetched from the server (which reads
//    Finnish dates as the form does, events.admin_views.preview_dates) and shown in the panel's
//    live region, so a screen reader hears them too.
// 2. The cancel and move fields of each date belong to a form of their own, outside the page
//    form: Wagtail's autosave and its unsaved-changes check read the page form only, and the
//    browser warns, as for any link, when the page form has changes that would be lost.
// Without JavaScript the panel lists the saved dates and its buttons post the page form to the
// same address (formaction), which reads only its own fields.
(function () {
  "use strict";

  const RULE_FIELDS = [
    "start_date", "start_time", "end_time", "all_day", "frequency", "interval", "weekdays",
    "repeat_until", "repeat_count",
  ];

  function ruleQuery(form, pageId) {
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const name of RULE_FIELDS) {
      for (const value of data.getAll(name)) query.append(name, value);
    }
    if (pageId) query.append("page", pageId);
    return query.toString();
  }

  function separateActionForm(panel, form) {
    const token = form.querySelector("input[name=csrfmiddlewaretoken]");
    const actions = document.createElement("form");
    actions.method = "post";
    actions.id = "event-date-change-form";
    actions.hidden = true;
    if (token) actions.append(token.cloneNode());
    document.body.append(actions);
    for (const field of panel.querySelectorAll("input, button")) {
      field.setAttribute("form", actions.id);
    }
  }

  function start(panel) {
    const form = panel.closest("form");
    if (!form) return;
    separateActionForm(panel, form);
    const list = panel.querySelector("[data-event-dates-list]");
    const note = panel.querySelector("[data-event-dates-note]");
    let last = ruleQuery(form, panel.dataset.page);
    let timer = null;
    let controller = null;

    async function refresh() {
      const query = ruleQuery(form, panel.dataset.page);
      if (query === last) return;
      last = query;
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${panel.dataset.previewUrl}?${query}`, {
          headers: { "X-Requested-With": "XMLHttpRequest" },
          signal: controller.signal,
        });
        // Or, for input it cannot read yet, what is wrong, in the user's language.
        list.innerHTML = await response.text();
        note.hidden = false;
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      }
    }

    function changed(event) {
      if (!event.target || !RULE_FIELDS.includes(event.target.name)) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // The date and time pickers (jQuery) announce a picked value with jQuery's own event only.
    if (window.jQuery) window.jQuery(form).on("change", changed);
  }

  function init() {
    for (const panel of document.querySelectorAll("[data-event-dates]")) start(panel);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
