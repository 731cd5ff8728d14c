// Moving between the pages without reloading: the address changes, and the shell (app.js) draws the new page.

/** Goes to a path of the pages; replace keeps the history entry (a page refining its own address). */
export function navigate(path, {replace = false} = {}) {
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new CustomEvent('monitor:navigate', {detail: {focus: !replace}}));
}
