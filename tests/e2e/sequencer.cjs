// The e2e files in a fixed order, with faults.e2e.test.ts LAST: it stops PostgreSQL (or cuts
// the e2e database off) and kills Chromium, which nothing else may see happen.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads a CommonJS sequencer
const Sequencer = require("@jest/test-sequencer").default;

const LAST = /faults\.e2e\.test\.ts$/;

class E2eSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => Number(LAST.test(a.path)) - Number(LAST.test(b.path)) || a.path.localeCompare(b.path));
  }
}

module.exports = E2eSequencer;
