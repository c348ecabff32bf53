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
  // three workers on two cores run the suite in ~60 % of the time of jest's default (cores − 1)
  maxWorkers: "150%",
});
