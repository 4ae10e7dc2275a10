/**
 * Ribbon commands. The Home-tab button (manifest.xml) only opens the task pane (ShowTaskpane), which needs no code;
 * this bundle runs in the shared runtime page so that future ExecuteFunction commands have their place.
 */
Office.onReady(() => {
  // Nothing to register yet.
});
