"use client";

import { noop, transition } from "./actions";

// The actions must be used by a page to be served.
export function Ping() {
  return (
    <>
      <button type="button" onClick={() => noop({ n: 1 })}>
        ping
      </button>
      <button type="button" onClick={() => transition({ rows: 1 })}>
        transition
      </button>
    </>
  );
}
