// The manifest opens the task pane from the compose surface as taskpane.html?surface=compose
// (and from the read surface without it). The hint lets the page start the compose view's work
// before Office.js has said what the item is; Office's answer still decides what is shown.

export const COMPOSE_SURFACE_PARAM = "surface";
export const COMPOSE_SURFACE_VALUE = "compose";

/** True when the page's query string says it was opened from the compose surface. */
export function openedForCompose(search: string): boolean {
  try {
    return new URLSearchParams(search).get(COMPOSE_SURFACE_PARAM) === COMPOSE_SURFACE_VALUE;
  } catch {
    return false;
  }
}
