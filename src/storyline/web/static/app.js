// storyline web app: small progressive enhancements. Every page also works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("brief-form");
  if (form) {
    enableAddBox(form);
    form.addEventListener("submit", (event) => submitWithProgress(event, form));
  }
  const focus = document.getElementById("passage");
  if (focus) focus.focus({ preventScroll: true });
});

function enableAddBox(form) {
  const button = document.getElementById("add-box");
  const boxes = document.getElementById("boxes");
  button.hidden = false;
  button.addEventListener("click", () => {
    const label = document.createElement("label");
    label.className = "box";
    label.textContent = "Article " + (boxes.children.length + 1);
    const area = document.createElement("textarea");
    area.name = "article";
    area.rows = 7;
    area.placeholder = "Paste the article text or its HTML page here";
    label.appendChild(area);
    boxes.appendChild(label);
    area.focus();
  });
}

function requestBytes(form) {
  let total = 0;
  for (const area of form.querySelectorAll("textarea")) total += new Blob([area.value]).size;
  for (const input of form.querySelectorAll("input[type=file]")) {
    for (const file of input.files) total += file.size;
  }
  return total;
}

async function submitWithProgress(event, form) {
  event.preventDefault();
  const error = document.getElementById("form-error");
  const progress = document.getElementById("progress");
  const text = document.getElementById("progress-text");
  const button = document.getElementById("submit");
  error.hidden = true;
  if (requestBytes(form) > Number(form.dataset.maxBytes)) {
    showError(error, "These articles are larger than the " + form.dataset.limit + " limit; send fewer or shorter ones.", []);
    return;
  }
  button.disabled = true;
  progress.hidden = false;
  progress.scrollIntoView({ block: "nearest" });
  const started = Date.now();
  const tick = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    text.textContent = "Making the brief… " + seconds + " s" +
      (seconds >= 3 ? " (the first brief loads the language models)" : "");
  }, 500);
  try {
    const response = await fetch(form.action, {
      method: "POST", body: new FormData(form), headers: { Accept: "application/json" },
    });
    const data = await response.json();
    if (response.ok) {
      text.textContent = "Done; opening the brief…";
      window.location.assign(data.url);
      return;
    }
    showError(error, data.error, data.errors || []);
  } catch (failure) {
    showError(error, "The app did not answer (" + failure.message + "). Is storyline serve still running?", []);
  } finally {
    clearInterval(tick);
  }
  progress.hidden = true;
  button.disabled = false;
}

// Messages come from the server and may quote article text: set as text, never as HTML.
function showError(box, message, details) {
  box.replaceChildren();
  const line = document.createElement("p");
  line.textContent = message;
  box.appendChild(line);
  if (details.length) {
    const list = document.createElement("ul");
    for (const item of details) {
      const entry = document.createElement("li");
      entry.textContent = (item.location ? item.location + ": " : "") + item.message;
      list.appendChild(entry);
    }
    box.appendChild(list);
  }
  box.hidden = false;
}
