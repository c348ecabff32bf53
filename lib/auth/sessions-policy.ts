// The numbers of the session policy (no imports: the proxy and the cookie encoder use them too).

/** A session ends 12 hours after sign-in, whatever the activity. */
export const SESSION_ABSOLUTE_HOURS = 12;
/** …and after 2 hours without a request. */
export const SESSION_IDLE_MINUTES = 120;
/** lastSeenAt is written at most this often per session (the only write a request can cause). */
export const SESSION_TOUCH_MINUTES = 5;
/** Signing acts need a sign-in (or re-entered password, or SSO round trip) this recent. */
export const STEP_UP_MINUTES = 10;
