// Prints one plain closing line ("Tests: N passed, N failed, N skipped") after jest's own summary,
// so a reader of the CI log (human or machine) gets the totals in a fixed, greppable form.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
