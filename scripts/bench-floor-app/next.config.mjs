// The framework's floor for `npm run bench:load`: the same Next.js with one dynamic page, one
// server action and one route handler that do no work. Packages come from the project's
// node_modules (the workspace root is the project).
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const config = { turbopack: { root: path.resolve(here, "../..") } };

export default config;
