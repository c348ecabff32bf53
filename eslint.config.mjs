import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", "**/.next/**", ".next-*/**", ".data/**", "node_modules/**", "next-env.d.ts", "tests/artifacts/**"] },
];

export default config;
