// Stands in for `office-addin-manifest` under jest (see moduleNameMapper in jest.config.cjs).
//
// Why: office-addin-mock requires office-addin-manifest only for its `OfficeApp` enum (to tell an
// Outlook mock, whose properties need no load()/sync(), from the others). office-addin-manifest's
// main entry also loads @microsoft/app-manifest, which requires the ESM-only strip-bom 5; jest 30
// on Node 20 cannot require ESM and fails with "Must use import to load ES Module". Every
// office-addin-mock release (3.x as well as 4.0.0) resolves to such an office-addin-manifest.
//
// So this hands office-addin-mock the real enum from the package's own, dependency-free
// lib/officeApp.js (the values stay Microsoft's: "outlook", "excel", …) and nothing else.
// The deep path is not caught by the moduleNameMapper pattern, which matches the bare name only.
module.exports = require("office-addin-manifest/lib/officeApp.js");
