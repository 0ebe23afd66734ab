// Faster opening hours (directory/hours_admin.py): a week template fills the weekly rows, and
// each row gets buttons that copy its day's hours to the other weekdays or to every day.
// Rows are added and removed with Wagtail's own inline panel buttons, so the formset's counts
// and the unsaved-changes warning stay right, and nothing is stored until the entry is saved.
(function () {
  "use strict";

  const WEEKDAYS = [0, 1, 2, 3, 4];
  const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

  function start(tools) {
    const prefix = tools.dataset.prefix;
    const list = document.getElementById(`id_${prefix}-FORMS`);
    const addButton = document.getElementById(`id_${prefix}-ADD`);
    if (!list || !addButton) return;
    const templates = JSON.parse(tools.dataset.templates);
    const status = tools.querySelector("[data-opening-hours-status]");

    const field = (row, name) => row.querySelector(`[name$="-${name}"]`);
    const liveRows = () => [...list.querySelectorAll(":scope > [data-inline-panel-child]")]
      .filter((row) => !row.classList.contains("deleted"));
    const dayOf = (row) => field(row, "weekday").value;

    function say(message) {
      // Emptied first, so that the same message twice is announced twice.
      status.textContent = "";
      window.setTimeout(() => { status.textContent = message; }, 50);
    }

    function setValue(input, value) {
      input.value = value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function addRow(day, opens, closes) {
      addButton.click();
      const rows = liveRows();
      const row = rows[rows.length - 1];
      setValue(field(row, "weekday"), String(day));
      setValue(field(row, "opens"), opens);
      setValue(field(row, "closes"), closes);
    }

    function removeRow(row) {
      // Marked deleted at once (Wagtail's own handler then sets DELETE and slides it away).
      row.classList.add("deleted");
      row.querySelector('button[id$="-DELETE-button"]').click();
    }

    function copy(source, days) {
      const day = dayOf(source);
      if (day === "") {
        say(tools.dataset.noWeekday);
        field(source, "weekday").focus();
        return;
      }
      const ranges = liveRows()
        .filter((row) => dayOf(row) === day)
        .map((row) => [field(row, "opens").value, field(row, "closes").value]);
      for (const row of liveRows()) {
        const other = dayOf(row);
        if (other !== day && days.includes(Number(other))) removeRow(row);
      }
      for (const target of days) {
        if (String(target) === day) continue;
        for (const [opens, closes] of ranges) addRow(target, opens, closes);
      }
      say(tools.dataset.copied);
    }

    function button(label, onClick) {
      const element = document.createElement("button");
      element.type = "button";
      element.className = "button button-small button-secondary";
      element.textContent = label;
      element.addEventListener("click", onClick);
      return element;
    }

    function addCopyButtons(row) {
      if (row.querySelector("[data-copy-hours]")) return;
      const bar = document.createElement("p");
      bar.dataset.copyHours = "";
      bar.className = "opening-hours-copy";
      bar.append(
        button(tools.dataset.copyWeekdaysLabel, () => copy(row, WEEKDAYS)),
        " ",
        button(tools.dataset.copyAllLabel, () => copy(row, EVERY_DAY)),
      );
      const content = row.querySelector("[data-panel-content], .w-panel__content") || row;
      content.append(bar);
    }

    tools.querySelector("[data-week-template-fill]").addEventListener("click", () => {
      const chosen = templates[tools.querySelector("[data-week-template]").value];
      if (!chosen) return;
      for (const row of liveRows()) removeRow(row);
      for (const [day, opens, closes] of chosen) addRow(day, opens, closes);
      say(tools.dataset.filled);
    });

    for (const row of liveRows()) addCopyButtons(row);
    new MutationObserver(() => liveRows().forEach(addCopyButtons)).observe(list, { childList: true });
    tools.hidden = false;
  }

  function init() {
    document.querySelectorAll("[data-opening-hours-tools]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
