/** @type {import('jest').Config} */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  // office-addin-mock (test/office) needs only the OfficeApp enum of office-addin-manifest, whose
  // main entry pulls in an ESM-only package jest cannot require on Node 20: see the stub.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.cjs" },
  // CI reads a plain "N passed, N failed" closing line; jest's own summary is not one.
  reporters: ["default", "<rootDir>/test/support/summary-reporter.cjs"],
};
