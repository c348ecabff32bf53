// The shape of the code, checked on the sources (DESIGN.md "Layers run one way", "One rule in
// one place"): app → components, lib; components never import app; lib never imports
// components or jobs; no import cycle between modules; pages ask the capability function
// instead of re-deriving rules; one audit writer, one time zone, one server-action builder.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (name === "generated" || name === "node_modules" || name.startsWith(".")) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(name)) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(root, dir));
  return out;
}

const read = (file: string) => readFileSync(path.join(root, file), "utf8");
/** The code of a file without its comments (what it does, not what it says). */
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** The modules a file imports (static and dynamic), as repository paths without extension. */
function importsOf(file: string): string[] {
  const src = read(file);
  const specs = [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+"([^"]+)"/g), ...src.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
  return specs.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), s))];
    return [];
  });
}

const ALL = [...sources("app"), ...sources("components"), ...sources("lib"), ...sources("jobs")];

describe("layers run one way", () => {
  it.each([
    ["components", /^app\//],
    ["lib", /^(components|jobs)\//],
  ])("%s imports none of %s", (dir, forbidden) => {
    const offenders = sources(dir).flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${f} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it("no import cycle between the files of lib/ (the engine, notifications and jobs included)", () => {
    const files = new Set(sources("lib").map((f) => f.replace(/\.(ts|tsx)$/, "")));
    const resolve = (i: string) => (files.has(i) ? i : files.has(`${i}/index`) ? `${i}/index` : null);
    const graph = new Map([...files].map((f) => [f, importsOf(`${f}${statSafe(`${f}.ts`) ? ".ts" : ".tsx"}`).map(resolve).filter((x): x is string => !!x)]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, "open");
      for (const next of graph.get(f) ?? []) visit(next, [...trail, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});

function statSafe(file: string) {
  try {
    return statSync(path.join(root, file)).isFile();
  } catch {
    return false;
  }
}

describe("one rule in one place", () => {
  it("pages and components ask the capability function, not the table, the guards or the print rules", () => {
    const rederived = /\b(availableActions|lookupTransition|GUARDS|SIGNABLE_SOURCE_STATUSES|PRINTABLE_STATUSES|printDecision|previewDecision|isAutoConfirmDue)\b|autoConfirmAt\s*[<>]=?/;
    const offenders = [...sources("app"), ...sources("components")].filter((f) => rederived.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it("every server action is built by the one builder (lib/server-action.ts)", () => {
    const actionFiles = ALL.filter((f) => /^\s*["']use server["']/.test(read(f)));
    expect(actionFiles.length).toBeGreaterThan(5);
    const handWritten = actionFiles.filter((f) => !/^app\/login\//.test(f) && /export async function/.test(read(f)));
    expect(handWritten).toEqual([]);
  });

  it("only lib/audit.ts writes AuditLog rows, and only the engine writes AgreementEvent rows", () => {
    expect(ALL.filter((f) => /auditLog\.create/.test(code(f)))).toEqual(["lib/audit.ts"]);
    expect(ALL.filter((f) => /agreementEvent\.create|INSERT INTO "AgreementEvent"/.test(code(f)))).toEqual(["lib/workflow/engine-write.ts"]);
  });

  it("the time zone is named once", () => {
    expect(ALL.filter((f) => code(f).includes("Asia/Shanghai"))).toEqual(["lib/format.ts"]);
  });

  it("dates are written for people by lib/format.ts alone (one format, Beijing time)", () => {
    const ownFormat = /toLocale(Date|Time)String|Intl\.DateTimeFormat|toLocaleString\([^)]*timeZone|\{[^}]*\bformat\b[^}]*\} from "date-fns"|8 \* 3600/;
    expect(ALL.filter((f) => f !== "lib/format.ts" && ownFormat.test(code(f)))).toEqual([]);
  });

  it("nothing but the engine's write statement changes an agreement's status", () => {
    const writers = ALL.filter((f) => /UPDATE "Agreement"|agreement\.(update|updateMany|create|upsert)\(/.test(code(f)));
    expect(writers).toEqual(["lib/workflow/engine-write.ts"]);
  });
});
