// tollbook web: small helpers, no dependencies. Everything works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Clicking a highlighted figure shows its row in the claims table, and the other way round.
  const select = (id) => {
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    document.querySelectorAll(`[data-claim="${CSS.escape(id)}"]`).forEach((el) => el.classList.add("active"));
  };
  document.querySelectorAll("mark.claim").forEach((mark) => {
    const open = () => {
      select(mark.dataset.claim);
      const row = document.getElementById(`claim-${mark.dataset.claim}`);
      if (row) row.scrollIntoView({ block: "center", behavior: "smooth" });
    };
    mark.addEventListener("click", open);
    mark.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
  });
  document.querySelectorAll("tr.claim-row").forEach((row) => {
    row.addEventListener("click", (event) => {
      if (event.target.closest("form")) return;
      select(row.dataset.claim);
      const mark = document.querySelector(`mark[data-claim="${CSS.escape(row.dataset.claim)}"]`);
      if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
  // The field and value of a review matter only for a correction.
  document.querySelectorAll("form.review").forEach((form) => {
    const action = form.elements.action;
    const sync = () => {
      const correcting = action.value === "correct";
      form.elements.field.hidden = !correcting;
      form.elements.new_value.hidden = !correcting;
    };
    action.addEventListener("change", sync);
    sync();
  });
});
