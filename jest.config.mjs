import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** Unit tests need nothing; integration tests get a fresh database from tests/setup/global-setup. */
export default createJestConfig({
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/lib", "<rootDir>/jobs"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  globalSetup: "<rootDir>/tests/setup/global-setup.ts",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.ts",
  testTimeout: 60_000,
  // the integration files wait on PostgreSQL most of the time (each has its own database):
  // two workers on two cores run the suite in ~60 % of the time of jest's default (cores − 1,
  // one worker here). A number, not a percentage: this config file takes "150%" as 150.
  maxWorkers: 2,
});
