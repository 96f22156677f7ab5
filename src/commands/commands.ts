// Function file for add-in commands. The manifest declares no ExecuteFunction commands yet; this
// page only has to load Office.js and signal readiness.
if (typeof Office !== "undefined") {
  void Office.onReady();
}

export {};
