// A page's inputs in its URL's query string, so a view can be sent to a colleague: urlState(input, key, …)
// sets the input from ?key=… when the page opens and writes the input's value back on every change
// (history.replaceState: no new history entry per click). The value goes to the URL as text through
// `write` and comes back through `read` (which returns undefined for text that names nothing).

function setParam(key, text) {
  const params = new URLSearchParams(location.search);
  if (text == null || text === "") params.delete(key);
  else params.set(key, text);
  const query = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

export function urlParam(key) {
  return new URLSearchParams(location.search).get(key);
}

export function urlState(input, key, { write = (v) => (v == null ? null : String(v)), read = (s) => s } = {}) {
  const text = urlParam(key);
  if (text != null) {
    const value = read(text);
    if (value !== undefined) input.value = value;
  }
  input.addEventListener("input", () => setParam(key, write(input.value)));
  return input;
}

/** An Inputs.search: its query text (not its value, the rows found) is what the URL keeps. */
export function urlSearch(search, key) {
  const field = search.querySelector("input");
  const text = urlParam(key);
  if (field && text) {
    field.value = text;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
  field?.addEventListener("input", () => setParam(key, field.value));
  return search;
}

/** Keep a value that is not an input (a chosen table row, say) in the URL. */
export function keepInUrl(key, text) {
  setParam(key, text);
}
