/**
 * Placeholder task pane: reports whether Office is ready and where it runs. The real task pane is a later issue.
 * In the shared runtime this page also hosts the custom functions (functions bundle) and the ribbon commands.
 */

/** The status line's text for the host Office.onReady reports (null outside Office, e.g. in a plain browser). */
export function statusText(host: Office.HostType | null | undefined): string {
  return host ? `Ready in ${host}. The KC functions are available in every cell.` : "Ready (preview outside Excel).";
}

Office.onReady((info) => {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = statusText(info.host);
  status.dataset.state = "ready";
});
