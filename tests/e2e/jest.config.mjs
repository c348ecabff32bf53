import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** Browser and HTTP suite: a production build served by `next start` on a fresh database. */
export default createJestConfig({
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  globalSetup: "<rootDir>/tests/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/tests/e2e/global-teardown.ts",
  testTimeout: 120_000,
  testSequencer: "<rootDir>/tests/e2e/sequencer.cjs",
});
