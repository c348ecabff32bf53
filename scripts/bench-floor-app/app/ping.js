"use client";

import { noop } from "./actions";

// The action must be used by a page to be served.
export function Ping() {
  return (
    <button type="button" onClick={() => noop({ n: 1 })}>
      ping
    </button>
  );
}
